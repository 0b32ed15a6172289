package dev.bootplan.engine.plan;

import java.util.List;

/**
 * One device (counts are already expanded). {@code driver}, {@code parent} (-1: none) and
 * {@code suppliers} are indices into the plan's lists.
 *
 * @param cpu share of the probe time spent on a CPU
 * @param asyncWorkUs own time of the work the probe starts and leaves running (0: none)
 * @param asyncWorkCpu that work's CPU share
 * @param asyncWorkQueue where that work runs, which decides who waits for it
 * @param discoveredAfterUs null: the device appears when its parent's probe returns; else it is created by the
 *     parent's work this far (in the work's own time) into it
 */
public record DevicePlan(
        String name,
        int driver,
        long probeUs,
        int parent,
        List<Integer> suppliers,
        boolean killable,
        Share cpu,
        long asyncWorkUs,
        long deferCostUs,
        Share asyncWorkCpu,
        WorkQueue asyncWorkQueue,
        Long discoveredAfterUs) {

    public DevicePlan {
        suppliers = List.copyOf(suppliers);
        asyncWorkQueue = asyncWorkQueue == null ? WorkQueue.ASYNC : asyncWorkQueue;
        cpu = cpu == null ? Share.unknown() : cpu;
        asyncWorkCpu = asyncWorkCpu == null ? Share.unknown() : asyncWorkCpu;
        if (probeUs < 0 || asyncWorkUs < 0 || deferCostUs < 0 || (discoveredAfterUs != null && discoveredAfterUs < 0)) {
            throw new IllegalArgumentException("device " + name + " has a negative time");
        }
    }

    /** A device whose CPU shares are stated and whose async work, if any, waits in the async domain. */
    public DevicePlan(String name, int driver, long probeUs, int parent, List<Integer> suppliers, boolean killable,
            int cpuPercent, long asyncWorkUs, long deferCostUs) {
        this(name, driver, probeUs, parent, suppliers, killable, Share.known(cpuPercent), asyncWorkUs, deferCostUs,
                Share.known(0), WorkQueue.ASYNC, null);
    }
}
