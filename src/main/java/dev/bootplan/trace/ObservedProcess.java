package dev.bootplan.trace;

import dev.bootplan.report.Difference;
import dev.bootplan.report.ObservedBoot;
import dev.bootplan.report.ObservedCall;
import dev.bootplan.report.ObservedMilestones;
import dev.bootplan.report.ObservedProbe;
import dev.bootplan.report.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A boot read from its log as one trace process: calls and probes where the log puts them, its milestones, and,
 * when held against a prediction, each milestone's predicted time and difference. A log never says which call
 * queued a probe that ran outside every call, so only retries get arrows.
 */
final class ObservedProcess {

    private ObservedProcess() {}

    static TraceProcess of(String name, ObservedBoot boot, List<Difference> differences) {
        Map<String, ObservedCall> calls = new HashMap<>();
        for (ObservedCall c : boot.initcalls()) {
            calls.putIfAbsent(label(c) + "@" + c.startUs(), c);
        }
        Map<String, ObservedProbe> probes = new HashMap<>();
        for (ObservedProbe p : boot.devices()) {
            probes.putIfAbsent(p.device() + "@" + Math.max(0, p.startUs()) + "/" + p.endUs(), p);
        }
        SpanDetails details = (span, args) -> addDetails(span, calls, probes, args);
        return new TraceProcess(name, boot.timeline(), markers(boot.milestones(), differences), details, device -> null,
                DriverModules.none());
    }

    private static String label(ObservedCall c) {
        return c.module() == null ? c.name() : c.name() + " [" + c.module() + "]";
    }

    private static void addDetails(Span span, Map<String, ObservedCall> calls, Map<String, ObservedProbe> probes,
            Map<String, Object> args) {
        switch (span.kind()) {
            case initcall, moduleInit -> {
                ObservedCall c = calls.get(span.subject() + "@" + span.startUs());
                if (c != null) {
                    args.put("pid", c.pid());
                    args.put("level", c.level());
                    args.put("reportedUs", c.reportedUs());
                    args.put("returnCode", c.returnCode());
                    args.put("line", c.line());
                }
            }
            default -> {
                ObservedProbe p = probes.get(span.subject() + "@" + span.startUs() + "/" + span.endUs());
                if (p != null) {
                    args.put("result", p.result());
                    args.put("returnCode", p.returnCode());
                    args.put("within", p.within());
                    args.put("parent", p.parent());
                    args.put("line", p.line());
                }
            }
        }
    }

    private static List<Marker> markers(ObservedMilestones m, List<Difference> differences) {
        Map<String, Difference> bySubject = new HashMap<>();
        for (Difference d : differences) {
            bySubject.put(d.subject(), d);
        }
        List<Marker> out = new ArrayList<>();
        milestone(out, "firstStamp", m.firstStampUs(), null);
        milestone(out, "initcallsDone", m.initcallsDoneUs(), bySubject.get("initcallsDone"));
        milestone(out, "initStart", m.initStartUs(), bySubject.get("initStart"));
        milestone(out, "rootMounted", m.rootMountedUs(), bySubject.get("rootMounted"));
        milestone(out, "lastProbe", m.lastProbeUs(), bySubject.get("lastDeviceBound"));
        milestone(out, "lastStamp", m.lastStampUs(), null);
        out.sort(Comparator.comparingLong(Marker::atUs));
        return out;
    }

    private static void milestone(List<Marker> out, String name, Long atUs, Difference vsPrediction) {
        if (atUs == null) {
            return;
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("atUs", atUs);
        if (vsPrediction != null) {
            args.put("predictedUs", vsPrediction.predictedUs());
            args.put("differenceUs", vsPrediction.differenceUs());
            args.put("relativePercent", vsPrediction.relativePercent());
        }
        out.add(new Marker(name, "milestone", atUs, args));
    }
}
