package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A finding: data in the report, never an HTTP error.")
public record Finding(
        @Schema(description = "Stable code.", example = "UDEV_EVENT_KILLED") FindingCode code,
        @Schema(description = "info, warning or error.", example = "error") Severity severity,
        @Schema(description = "The module, driver, device or knob it is about.", example = "mpt3sas") String subject,
        @Schema(description = "Simulated time it happens, null for plan-wide findings.", example = "180000000") Long atUs,
        @Schema(description = "What happens.", example = "udev killed the worker loading mpt3sas; 38 devices stay unbound.") String message,
        @Schema(description = "What to do about it.", example = "Load mpt3sas with async_probe.") String remedy) {}
