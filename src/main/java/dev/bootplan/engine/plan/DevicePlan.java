package dev.bootplan.engine.plan;

import java.util.List;

/**
 * One device (counts are already expanded). {@code driver}, {@code parent} (-1: none) and
 * {@code suppliers} are indices into the plan's lists.
 */
public record DevicePlan(
        String name,
        int driver,
        long probeUs,
        int parent,
        List<Integer> suppliers,
        boolean killable,
        int cpuPercent,
        long asyncWorkUs,
        long deferCostUs) {

    public DevicePlan {
        suppliers = List.copyOf(suppliers);
        if (probeUs < 0 || asyncWorkUs < 0 || deferCostUs < 0 || cpuPercent < 0 || cpuPercent > 100) {
            throw new IllegalArgumentException("device " + name + " has a negative time or a CPU share outside 0..100");
        }
    }
}
