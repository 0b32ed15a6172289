package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "When the boot reached its milestones (µs).")
public record Milestones(
        @Schema(description = "The last built-in initcall (late level, deferred retries included) returned.", example = "2100000") long initcallsDoneUs,
        @Schema(description = "/init (or the real init) is executed, after the final async_synchronize_full().", example = "2400000") long initStartUs,
        @Schema(description = "The real root filesystem is mounted (after switch-root with an initramfs).", example = "3900000") long rootMountedUs,
        @Schema(description = "The udev coldplug queue drained: every event ended.", example = "5200000") long udevSettledUs,
        @Schema(description = "Every device bound, failed, or left pending for good.", example = "5300000") long allDevicesSettledUs) {}
