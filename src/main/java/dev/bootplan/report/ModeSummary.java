package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A mode's headline numbers.")
public record ModeSummary(
        @Schema(description = "Mode.", example = "async") String mode,
        @Schema(description = "/init starts (µs).", example = "2400000") Long initStartUs,
        @Schema(description = "udev queue drained (µs).", example = "5200000") Long udevSettledUs,
        @Schema(description = "Every device settled (µs).", example = "5300000") long allDevicesSettledUs,
        @Schema(description = "allDevicesSettledUs of sync minus this mode's (positive: faster than sync).", example = "1200000") long gainVsSyncUs,
        @Schema(description = "Devices bound.", example = "310") int bound,
        @Schema(description = "Devices failed.", example = "0") int failed,
        @Schema(description = "Devices left deferred or unprobed.", example = "0") int notBound,
        @Schema(description = "Module loads whose udev event was killed (other events waiting for the same load are counted in the UDEV_EVENT_KILLED finding).", example = "0") int killedEvents,
        @Schema(description = "Findings of severity error.", example = "0") int errors,
        @Schema(description = "Findings of severity warning.", example = "2") int warnings) {}
