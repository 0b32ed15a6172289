package dev.bootplan.engine;

import dev.bootplan.engine.plan.DevicePlan;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.report.Milestones;
import dev.bootplan.report.Uncertainty;
import dev.bootplan.report.Uncertainty.MilestoneBounds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The CPU shares a plan leaves unknown, and the bounds they put on a prediction. A log cannot tell busy-waiting from
 * sleeping, so an imported or hand-written plan often does not know them: the prediction takes them as waiting (0 %),
 * and a second run takes them as all CPU. Adding CPU work never makes a milestone earlier, so the two runs bracket
 * every share in between; both ends are still reported as min and max in case a plan's timeouts break that order.
 */
final class UnknownShares {

    private static final int NAMED = 10;

    private UnknownShares() {}

    /** One unknown share: where it is and how much time it governs. */
    private record Unknown(String text, long us, int index) {}

    static boolean any(Plan plan) {
        for (DevicePlan d : plan.devices()) {
            if ((d.cpuPercent() == null && d.probeUs() > 0) || (d.asyncWorkCpuPercent() == null && d.asyncWorkUs() > 0)) {
                return true;
            }
        }
        return false;
    }

    static Uncertainty bounds(Plan plan, Milestones predicted, Milestones allCpu) {
        List<Unknown> unknown = new ArrayList<>();
        for (int i = 0; i < plan.devices().size(); i++) {
            DevicePlan d = plan.devices().get(i);
            if (d.cpuPercent() == null && d.probeUs() > 0) {
                unknown.add(new Unknown(d.name() + ": cpuPercent (" + TimeText.of(d.probeUs()) + " of probe)", d.probeUs(), i));
            }
            if (d.asyncWorkCpuPercent() == null && d.asyncWorkUs() > 0) {
                unknown.add(new Unknown(d.name() + ": asyncWorkCpuPercent (" + TimeText.of(d.asyncWorkUs()) + " of work)",
                        d.asyncWorkUs(), i));
            }
        }
        List<String> named = unknown.stream()
                .sorted(Comparator.comparingLong(Unknown::us).reversed().thenComparingInt(Unknown::index))
                .limit(NAMED).map(Unknown::text).toList();
        List<MilestoneBounds> rows = List.of(
                row("initcallsDoneUs", predicted, allCpu, m -> m.initcallsDoneUs()),
                row("initStartUs", predicted, allCpu, Milestones::initStartUs),
                row("rootMountedUs", predicted, allCpu, Milestones::rootMountedUs),
                row("udevSettledUs", predicted, allCpu, Milestones::udevSettledUs),
                row("allDevicesSettledUs", predicted, allCpu, m -> m.allDevicesSettledUs()));
        return new Uncertainty(unknown.size(), named, rows);
    }

    private static MilestoneBounds row(String name, Milestones a, Milestones b, Function<Milestones, Long> f) {
        Long x = f.apply(a);
        Long y = f.apply(b);
        if (x == null || y == null) {
            return new MilestoneBounds(name, x, x == null ? y : x, y == null ? x : y); // null: never reached in that run
        }
        return new MilestoneBounds(name, x, Math.min(x, y), Math.max(x, y));
    }
}
