package dev.bootplan.engine.plan;

import java.util.List;

/**
 * A loadable module. {@code loadUs} is the .ko load overhead before its init runs;
 * {@code dependsOn} and {@code drivers} are indices into the plan's lists.
 * {@code options} is the raw modprobe option string; the engine reads it per kernel version.
 */
public record ModulePlan(
        String name,
        long initUs,
        long loadUs,
        List<Integer> dependsOn,
        String options,
        boolean inInitramfs,
        List<Integer> drivers) {

    public ModulePlan {
        dependsOn = List.copyOf(dependsOn);
        drivers = List.copyOf(drivers);
        options = options == null ? "" : options;
    }
}
