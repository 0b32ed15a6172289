package dev.bootplan.engine.plan;

import java.util.Set;

/** Where firmware files are, and the sysfs fallback (probe-model.md §8). */
public record FirmwarePlan(
        Set<String> builtin, Set<String> initramfs, Set<String> rootfs, boolean fallbackForced, long fallbackTimeoutUs) {

    public FirmwarePlan {
        builtin = Set.copyOf(builtin);
        initramfs = Set.copyOf(initramfs);
        rootfs = Set.copyOf(rootfs);
    }

    public static FirmwarePlan none() {
        return new FirmwarePlan(Set.of(), Set.of(), Set.of(), false, 60_000_000L);
    }
}
