package dev.bootplan.gate.input;

import dev.bootplan.gate.rules.GateMilestone;
import dev.bootplan.report.DeviceOutcome;
import dev.bootplan.report.DeviceState;
import dev.bootplan.report.ObservedMilestones;
import dev.bootplan.report.Report;
import java.util.EnumMap;
import java.util.Map;

/** The gate's milestones read from a predicted report or an observed boot; a null milestone is left out. */
final class Milestones {

    private Milestones() {}

    static Map<GateMilestone, Long> of(Report r) {
        Map<GateMilestone, Long> m = new EnumMap<>(GateMilestone.class);
        var s = r.milestones();
        put(m, GateMilestone.initcallsDone, s.initcallsDoneUs());
        put(m, GateMilestone.initStart, s.initStartUs());
        put(m, GateMilestone.rootMounted, s.rootMountedUs());
        put(m, GateMilestone.udevSettled, s.udevSettledUs());
        put(m, GateMilestone.allDevicesSettled, s.allDevicesSettledUs());
        Long last = null;
        for (DeviceOutcome d : r.devices()) {
            if (d.state() == DeviceState.bound && d.probeEndUs() != null && (last == null || d.probeEndUs() > last)) {
                last = d.probeEndUs();
            }
        }
        put(m, GateMilestone.lastProbe, last);
        return m;
    }

    static Map<GateMilestone, Long> of(ObservedMilestones s) {
        Map<GateMilestone, Long> m = new EnumMap<>(GateMilestone.class);
        put(m, GateMilestone.initcallsDone, s.initcallsDoneUs());
        put(m, GateMilestone.initStart, s.initStartUs());
        put(m, GateMilestone.rootMounted, s.rootMountedUs());
        put(m, GateMilestone.lastProbe, s.lastProbeUs());
        return m;
    }

    private static void put(Map<GateMilestone, Long> m, GateMilestone k, Long v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
