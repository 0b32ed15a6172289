package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;

/** One "probe of … returned" line. */
@Schema(description = "One probe line: which device, how it ended, when, and which call it ran in.")
public record ObservedProbe(
        @Schema(description = "dev_name().", example = "fe340000.mmc") String device,
        @Schema(description = "bound, deferred, failed or notBound (before v5.14).", example = "bound",
                allowableValues = {"bound", "deferred", "failed", "notBound"}) String result,
        @Schema(description = "Return code as printed.", example = "0") int returnCode,
        @Schema(description = "Start: the stamp minus the duration (µs).", example = "3186309") long startUs,
        @Schema(description = "Stamp of the line (µs).", example = "3238050") long endUs,
        @Schema(description = "The initcall or module init it ran in (\"fn\" or \"fn [module]\"); null if none.",
                example = "sdhci_iproc_driver_init") String within,
        @Schema(description = "The device whose probe it ran inside (a child device), if any.", example = "fe201000.serial")
        String parent,
        @Schema(description = "Line in the log (1-based).", example = "1543") int line) {}
