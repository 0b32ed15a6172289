package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;

/** One initcall or module init as the log shows it. */
@Schema(description = "An initcall (built-in) or a module's init, from its \"calling\" and \"returned\" lines.")
public record ObservedCall(
        @Schema(description = "Function name.", example = "brcmstb_i2c_driver_init") String name,
        @Schema(description = "The module, for a module's init; null for a built-in.", example = "i2c_brcmstb") String module,
        @Schema(description = "PID that ran it (1 for built-ins).", example = "129") int pid,
        @Schema(description = "Initcall level from the last \"entering initcall level:\" line; null if unknown.", example = "device")
        String level,
        @Schema(description = "Stamp of the calling line (µs).", example = "3685377") long startUs,
        @Schema(description = "Stamp of the returned line (µs); null if it never returned in the log.", example = "3710306")
        Long endUs,
        @Schema(description = "The kernel's own \"after N usecs\".", example = "21312") Long reportedUs,
        @Schema(description = "Return code.", example = "0") Integer returnCode,
        @Schema(description = "Line of the calling line (1-based).", example = "1601") int line) {}
