package dev.bootplan.engine.plan;

import java.util.List;

/**
 * Modules userspace loads by name (an initramfs script's insmods, systemd-modules-load, modprobe@ units, PID 1):
 * {@code modules} (indices) in order, starting {@code afterUs} into {@code phase}; serially in one process, or each
 * module's chain in a process of its own. Each load runs kmod's modules.dep chain first, as udev's would.
 *
 * @param by who loads them, as the timeline names the lane
 * @param intervalUs userspace's own time before each finit_module() (the shell, fork and exec): CPU of the loader
 */
public record ModuleLoadPlan(String by, Phase phase, long afterUs, boolean parallel, long intervalUs, List<Integer> modules) {

    /** When the list starts: from /init's exec (initrd), or from the real root mounted (rootfs). */
    public enum Phase {
        INITRD,
        ROOTFS
    }

    public ModuleLoadPlan {
        modules = List.copyOf(modules);
        if (afterUs < 0 || intervalUs < 0) {
            throw new IllegalArgumentException("module load times are durations");
        }
    }
}
