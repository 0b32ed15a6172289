package dev.bootplan.ingest.dmesg;

import dev.bootplan.report.DeviceOutcome;
import dev.bootplan.report.DeviceState;
import dev.bootplan.report.Difference;
import dev.bootplan.report.ObservedBoot;
import dev.bootplan.report.PredictionCheck;
import dev.bootplan.report.Report;
import dev.bootplan.report.Span;
import dev.bootplan.report.SpanKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds a simulated boot against the log of a real one. Things are matched by name: a built-in initcall by its
 * function and occurrence ("init_rc_map#3" is the third init_rc_map), a module by name, a device by dev_name.
 * Only end times are compared: an end time is what the next thing waits for.
 */
public final class PredictionVsLog {

    private static final double ONE_PERCENT = 1.0;

    private PredictionVsLog() {}

    public static PredictionCheck check(Report predicted, BootLog log) {
        ObservedBoot observed = ObservedTimeline.of(log);
        Map<String, Long> obsBuiltins = new LinkedHashMap<>();
        Map<String, Long> obsModules = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (InitcallRun r : log.initcalls()) {
            if (!r.finished()) {
                continue;
            }
            if (r.builtin()) {
                obsBuiltins.put(occurrence(r.function(), seen), r.endUs());
            } else {
                obsModules.putIfAbsent(r.module(), r.endUs());
            }
        }
        Map<String, Long> predBuiltins = new LinkedHashMap<>();
        Map<String, Long> predModules = new LinkedHashMap<>();
        Map<String, Integer> predSeen = new HashMap<>();
        for (Span s : predicted.timeline()) {
            if (s.kind() == SpanKind.initcall && s.lane().equals("pid1")) {
                predBuiltins.put(occurrence(s.subject(), predSeen), s.endUs());
            } else if (s.kind() == SpanKind.moduleInit) {
                predModules.putIfAbsent(s.subject(), s.endUs());
            }
        }
        Map<String, Long> obsDevices = new LinkedHashMap<>();
        for (ProbeRun p : log.probes()) {
            if (p.result() == ProbeResult.bound) {
                obsDevices.putIfAbsent(p.device(), p.endUs());
            }
        }
        Map<String, Long> predDevices = new LinkedHashMap<>();
        long lastBound = -1;
        for (DeviceOutcome d : predicted.devices()) {
            if (d.state() == DeviceState.bound && d.probeEndUs() != null) {
                predDevices.put(d.name(), d.probeEndUs());
                lastBound = Math.max(lastBound, d.probeEndUs());
            }
        }

        List<Difference> builtins = join("initcall", obsBuiltins, predBuiltins);
        List<Difference> milestones = List.of(
                Difference.of("milestone", "initcallsDone", observed.milestones().initcallsDoneUs(),
                        predicted.milestones().initcallsDoneUs()),
                Difference.of("milestone", "initStart", observed.milestones().initStartUs(), predicted.milestones().initStartUs()),
                Difference.of("milestone", "rootMounted", observed.milestones().rootMountedUs(),
                        predicted.milestones().rootMountedUs()),
                Difference.of("milestone", "lastDeviceBound", observed.milestones().lastProbeUs(),
                        lastBound < 0 ? null : lastBound));
        return new PredictionCheck(predicted.mode(), agreement(builtins), milestones, builtins,
                join("module", obsModules, predModules), join("device", obsDevices, predDevices));
    }

    private static String occurrence(String name, Map<String, Integer> seen) {
        int n = seen.merge(name, 1, Integer::sum);
        return n == 1 ? name : name + "#" + n;
    }

    /** Observed order first, then what only the prediction has. */
    private static List<Difference> join(String kind, Map<String, Long> observed, Map<String, Long> predicted) {
        List<Difference> out = new ArrayList<>(observed.size());
        observed.forEach((name, at) -> out.add(Difference.of(kind, name, at, predicted.get(name))));
        predicted.forEach((name, at) -> {
            if (!observed.containsKey(name)) {
                out.add(Difference.of(kind, name, null, at));
            }
        });
        return out;
    }

    private static PredictionCheck.Agreement agreement(List<Difference> builtins) {
        int compared = 0;
        int onlyObserved = 0;
        int onlyPredicted = 0;
        int within = 0;
        double worst = 0;
        String worstName = null;
        for (Difference d : builtins) {
            if (d.predictedUs() == null) {
                onlyObserved++;
            } else if (d.observedUs() == null) {
                onlyPredicted++;
            } else {
                compared++;
                double rel = d.relativePercent() == null ? 0 : d.relativePercent();
                if (rel <= ONE_PERCENT) {
                    within++;
                }
                if (worstName == null || rel > worst) {
                    worst = rel;
                    worstName = d.subject();
                }
            }
        }
        return new PredictionCheck.Agreement(compared, onlyObserved, onlyPredicted, within, worst, worstName);
    }
}
