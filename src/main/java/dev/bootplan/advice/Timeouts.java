package dev.bootplan.advice;

import dev.bootplan.engine.KnobReading;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.report.DeviceLimit;
import dev.bootplan.report.ModuleOutcome;
import dev.bootplan.report.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * The udev event timeout (docs/advice.md, "Timeouts"): the smallest round value under which every udev event that
 * loads a module, at the plan's probe times made {@code headroom} slower, still ends before its worker is killed, and
 * every driver the timeout bounds could have {@code headroom} more devices (the engine's device-limit arithmetic, read
 * from the report at that timeout). Recommended only when the plan's own timeout falls short.
 */
final class Timeouts {

    /** Round values, in seconds. */
    static final long[] LADDER = {5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 360, 480, 600, 900, 1200, 1800, 2400,
        3600, 5400, 7200, 10800, 14400, 21600, 43200, 86400};
    static final long UNBOUNDED_S = 86400;
    static final String KEY = "udev.event_timeout";

    record Recommendation(Edit.Param edit, DeviceLimit limit, long longestEventUs, String longestModule) {}

    private final Plan plan;
    private final KnobReading reading;
    private final Evaluator evaluator;
    private final int headroomPercent;

    Timeouts(Plan plan, KnobReading reading, Evaluator evaluator, int headroomPercent) {
        this.plan = plan;
        this.reading = reading;
        this.evaluator = evaluator;
        this.headroomPercent = headroomPercent;
    }

    static Edit.Param param(long seconds) {
        return new Edit.Param(KEY, Long.toString(seconds), List.of("rd." + KEY));
    }

    /** The timeout line for the chosen edits, or null when the plan's own timeout keeps the headroom. */
    Recommendation recommend(List<Edit> chosen, Report withChosen) {
        if (withChosen.modules().stream().allMatch(m -> m.killAtUs() == null)) {
            return null; // no udev event loads a module: the timeout bounds nothing
        }
        List<Edit> unbounded = with(chosen, param(UNBOUNDED_S));
        Report free = evaluator.report(unbounded);
        if (free == null) {
            return null;
        }
        long killFree = KnobReading.killAfterUs(plan.systemdVersion(), UNBOUNDED_S * 1_000_000L);
        long longest = 0;
        String longestModule = null;
        for (ModuleOutcome m : free.modules()) {
            if (m.killAtUs() == null || m.loadEndUs() == null) {
                continue;
            }
            long took = m.loadEndUs() - (m.killAtUs() - killFree);
            if (took > longest) {
                longest = took;
                longestModule = m.name();
            }
        }
        long neededKill = ceilDiv(longest * (100L + headroomPercent), 100);
        long current = Math.min(reading.knobs().udevEventTimeoutUs(), reading.initrdEventTimeoutUs());
        if (KnobReading.killAfterUs(plan.systemdVersion(), current) >= neededKill && keepsHeadroom(withChosen)) {
            return null;
        }
        for (long s : LADDER) {
            long t = s * 1_000_000L;
            if (t <= current || KnobReading.killAfterUs(plan.systemdVersion(), t) < neededKill) {
                continue;
            }
            Report at = evaluator.report(with(chosen, param(s)));
            if (at != null && at.modules().stream().noneMatch(ModuleOutcome::killed) && keepsHeadroom(at)) {
                return new Recommendation(param(s), tightest(at), longest, longestModule);
            }
        }
        return null;
    }

    /** Every driver the udev timeout bounds could have headroom more devices. */
    private boolean keepsHeadroom(Report r) {
        for (DeviceLimit l : r.deviceLimits()) {
            if (l.limit() != null && l.limit() < ceilDiv((long) l.devices() * (100L + headroomPercent), 100)) {
                return false;
            }
        }
        return true;
    }

    /** The bounded driver with the least room relative to its devices, null when the timeout bounds none. */
    private static DeviceLimit tightest(Report r) {
        DeviceLimit best = null;
        for (DeviceLimit l : r.deviceLimits()) {
            if (l.limit() == null) {
                continue;
            }
            if (best == null || (long) l.limit() * best.devices() < (long) best.limit() * l.devices()) {
                best = l;
            }
        }
        return best;
    }

    private static List<Edit> with(List<Edit> chosen, Edit e) {
        List<Edit> out = new ArrayList<>(chosen);
        out.add(e);
        return out;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
