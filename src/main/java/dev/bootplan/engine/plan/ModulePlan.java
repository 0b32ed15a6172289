package dev.bootplan.engine.plan;

import java.util.List;

/**
 * A loadable module. {@code loadUs} is the .ko load overhead before its init runs, {@code loadCpu} the share of
 * it spent on the loading task's CPU (kernel/module/main.c: load_module() decompresses, checks, relocates and links in
 * the caller of finit_module(); 100 unless the .ko is read from a slow disk); {@code dependsOn} and {@code drivers}
 * are indices into the plan's lists. {@code options} is the raw modprobe option string; the engine reads it per
 * kernel version.
 */
public record ModulePlan(
        String name,
        long initUs,
        long loadUs,
        List<Integer> dependsOn,
        String options,
        boolean inInitramfs,
        List<Integer> drivers,
        Share loadCpu) {

    public ModulePlan {
        dependsOn = List.copyOf(dependsOn);
        drivers = List.copyOf(drivers);
        options = options == null ? "" : options;
        loadCpu = loadCpu == null ? Share.known(100) : loadCpu;
    }

    /** A module whose load is all CPU work, as an in-memory load is. */
    public ModulePlan(String name, long initUs, long loadUs, List<Integer> dependsOn, String options, boolean inInitramfs,
            List<Integer> drivers) {
        this(name, initUs, loadUs, dependsOn, options, inInitramfs, drivers, Share.known(100));
    }
}
