package dev.bootplan.advice;

import dev.bootplan.engine.KnobReading;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.report.DeviceOutcome;
import dev.bootplan.report.DeviceState;
import dev.bootplan.report.Report;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * deferred_probe_timeout= (docs/advice.md, "Timeouts"): only a driver that gives up on missing suppliers when the timer
 * fires (drivers/base/dd.c: driver_deferred_probe_check_state()) loses a device to it. The smallest round value under
 * which each such device that binds after deferring, made {@code headroom} slower, still binds before the timer fires,
 * counted from the end of the initcalls where deferred_probe_initcall() arms it (each driver registration re-arms it,
 * so this errs long). Only ever raised: a lower value only makes a missing supplier's consumers give up sooner.
 */
final class DeferredTimeout {

    static final long[] LADDER = {1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 1200, 3600};
    static final String KEY = "deferred_probe_timeout";

    record Recommendation(Edit.Param edit, long latestBindUs) {}

    private final Plan plan;
    private final KnobReading reading;
    private final Evaluator evaluator;
    private final int headroomPercent;

    DeferredTimeout(Plan plan, KnobReading reading, Evaluator evaluator, int headroomPercent) {
        this.plan = plan;
        this.reading = reading;
        this.evaluator = evaluator;
        this.headroomPercent = headroomPercent;
    }

    Recommendation recommend(List<Edit> chosen, Report withChosen) {
        Set<String> givingUp = new HashSet<>();
        plan.drivers().stream().filter(d -> d.giveUpOnDeferTimeout()).forEach(d -> givingUp.add(d.name()));
        long current = reading.knobs().deferredProbeTimeoutUs();
        if (givingUp.isEmpty() || current == 0) {
            return null; // no driver gives up, or no timer (modules disabled and none set)
        }
        Report free = evaluator.report(with(chosen, param(LADDER[LADDER.length - 1])));
        if (free == null) {
            return null;
        }
        long latest = 0;
        for (DeviceOutcome d : free.devices()) {
            if (givingUp.contains(d.driver()) && d.state() == DeviceState.bound && d.attempts() > 1 && d.probeEndUs() != null) {
                latest = Math.max(latest, d.probeEndUs() - free.milestones().initcallsDoneUs());
            }
        }
        long needed = (latest * (100L + headroomPercent) + 99) / 100;
        int boundFree = bound(free);
        if (bound(withChosen) >= boundFree && current >= needed) {
            return null;
        }
        for (long s : LADDER) {
            long t = s * 1_000_000L;
            if (t < needed || t <= current) {
                continue;
            }
            Report at = evaluator.report(with(chosen, param(s)));
            if (at != null && bound(at) >= boundFree) {
                return new Recommendation(param(s), latest);
            }
        }
        return null;
    }

    static Edit.Param param(long seconds) {
        return new Edit.Param(KEY, Long.toString(seconds), List.of());
    }

    private static int bound(Report r) {
        return (int) r.devices().stream().filter(d -> d.state() == DeviceState.bound).count();
    }

    private static List<Edit> with(List<Edit> chosen, Edit e) {
        List<Edit> out = new ArrayList<>(chosen);
        out.add(e);
        return out;
    }
}
