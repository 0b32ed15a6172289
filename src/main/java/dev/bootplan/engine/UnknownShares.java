package dev.bootplan.engine;

import dev.bootplan.engine.plan.DevicePlan;
import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.engine.plan.Share;
import dev.bootplan.report.Milestones;
import dev.bootplan.report.Uncertainty;
import dev.bootplan.report.Uncertainty.MilestoneBounds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The CPU shares a plan does not know, and the bounds they put on a prediction. A log cannot tell busy-waiting from
 * sleeping, so an imported or hand-written plan often only estimates them (or leaves them out: an estimate of 0). The
 * prediction uses the estimates; two more runs take every such share as all waiting and as all CPU. Adding CPU work
 * never makes a milestone earlier, so those two bracket every share in between; each milestone still reports the min
 * and max of the three in case a plan's timeouts break that order.
 */
final class UnknownShares {

    private static final int NAMED = 10;

    private UnknownShares() {}

    /** One uncertain share: where it is and how much time it governs. */
    private record Unknown(String text, long us, int order) {}

    /** Whether any share that governs time is not known (checked on every evaluation: no allocation). */
    static boolean any(Plan plan) {
        for (DevicePlan d : plan.devices()) {
            if ((!d.cpu().known() && d.probeUs() > 0) || (!d.asyncWorkCpu().known() && d.asyncWorkUs() > 0)) {
                return true;
            }
        }
        for (ModulePlan m : plan.modules()) {
            if (!m.loadCpu().known() && m.loadUs() > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether an uncertain share is estimated above 0, so that taking it as waiting changes the run. */
    static boolean anyEstimatedAbove0(Plan plan) {
        for (DevicePlan d : plan.devices()) {
            if ((!d.cpu().known() && d.cpu().percent() > 0) || (!d.asyncWorkCpu().known() && d.asyncWorkCpu().percent() > 0)) {
                return true;
            }
        }
        for (ModulePlan m : plan.modules()) {
            if (!m.loadCpu().known() && m.loadCpu().percent() > 0) {
                return true;
            }
        }
        return false;
    }

    private static List<Unknown> unknowns(Plan plan) {
        List<Unknown> out = new ArrayList<>();
        int order = 0;
        for (DevicePlan d : plan.devices()) {
            if (!d.cpu().known() && d.probeUs() > 0) {
                out.add(unknown(d.name() + ": cpuPercent", d.cpu(), d.probeUs(), "probe", order));
            }
            if (!d.asyncWorkCpu().known() && d.asyncWorkUs() > 0) {
                out.add(unknown(d.name() + ": asyncWorkCpuPercent", d.asyncWorkCpu(), d.asyncWorkUs(), "work", order + 1));
            }
            order += 2;
        }
        for (ModulePlan m : plan.modules()) {
            if (!m.loadCpu().known() && m.loadUs() > 0) {
                out.add(unknown(m.name() + ": loadCpuPercent", m.loadCpu(), m.loadUs(), "load", order));
            }
            order++;
        }
        return out;
    }

    private static Unknown unknown(String input, Share share, long us, String what, int order) {
        String estimate = share.percent() > 0 ? ", estimated " + share.percent() + " %" : "";
        return new Unknown(input + " (" + TimeText.of(us) + " of " + what + estimate + ")", us, order);
    }

    static Uncertainty bounds(Plan plan, Milestones predicted, Milestones allWaiting, Milestones allCpu) {
        List<Unknown> unknown = unknowns(plan);
        List<String> named = unknown.stream()
                .sorted(Comparator.comparingLong(Unknown::us).reversed().thenComparingInt(Unknown::order))
                .limit(NAMED).map(Unknown::text).toList();
        List<MilestoneBounds> rows = List.of(
                row("initcallsDoneUs", m -> m.initcallsDoneUs(), predicted, allWaiting, allCpu),
                row("initStartUs", Milestones::initStartUs, predicted, allWaiting, allCpu),
                row("rootMountedUs", Milestones::rootMountedUs, predicted, allWaiting, allCpu),
                row("udevSettledUs", Milestones::udevSettledUs, predicted, allWaiting, allCpu),
                row("allDevicesSettledUs", m -> m.allDevicesSettledUs(), predicted, allWaiting, allCpu));
        return new Uncertainty(unknown.size(), named, rows);
    }

    /** The milestone in the three runs; a run that never reaches it (null) does not narrow the bounds. */
    private static MilestoneBounds row(String name, Function<Milestones, Long> f, Milestones... runs) {
        Long low = null;
        Long high = null;
        for (Milestones m : runs) {
            Long v = f.apply(m);
            if (v != null) {
                low = low == null ? v : Math.min(low, v);
                high = high == null ? v : Math.max(high, v);
            }
        }
        return new MilestoneBounds(name, f.apply(runs[0]), low, high);
    }
}
