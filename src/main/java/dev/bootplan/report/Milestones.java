package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "When the boot reached its milestones (µs).")
public record Milestones(
        @Schema(description = "The last built-in initcall (late level, deferred retries included) returned.", example = "2100000") long initcallsDoneUs,
        @Schema(description = "/init (or the real init) is executed, after the final async_synchronize_full(); null if the kernel never gets there (rootwait for a root device that never binds).", example = "2400000") Long initStartUs,
        @Schema(description = "The real root filesystem is mounted (by the kernel without an initramfs; after the initrd's coldplug drained and the root device is bound with one); null if the root device never binds.", example = "3900000") Long rootMountedUs,
        @Schema(description = "The udev coldplug queue on the real root drained: every event ended; null if that coldplug never ran.", example = "5200000") Long udevSettledUs,
        @Schema(description = "Every device bound, failed, or left pending for good.", example = "5300000") long allDevicesSettledUs) {}
