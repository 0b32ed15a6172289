package dev.bootplan.trace;

import dev.bootplan.report.DeviceOutcome;
import dev.bootplan.report.Finding;
import dev.bootplan.report.Milestones;
import dev.bootplan.report.ModuleOutcome;
import dev.bootplan.report.Report;
import dev.bootplan.report.Span;
import dev.bootplan.report.Uncertainty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A simulated boot as one trace process: its spans, its milestones and its findings. */
final class PredictedProcess {

    private PredictedProcess() {}

    static TraceProcess of(String name, Report report, DriverModules owners) {
        Map<String, DeviceOutcome> devices = new HashMap<>();
        for (DeviceOutcome d : report.devices()) {
            devices.putIfAbsent(d.name(), d);
        }
        Map<String, ModuleOutcome> modules = new HashMap<>();
        for (ModuleOutcome m : report.modules()) {
            modules.putIfAbsent(m.name(), m);
        }
        SpanDetails details = (span, args) -> addDetails(span, devices, modules, args);
        return new TraceProcess(name, report.timeline(), markers(report), details,
                device -> devices.containsKey(device) ? devices.get(device).driver() : null, owners);
    }

    private static void addDetails(Span span, Map<String, DeviceOutcome> devices, Map<String, ModuleOutcome> modules,
            Map<String, Object> args) {
        switch (span.kind()) {
            case syncProbe, asyncProbe, deferral, firmwareWait, udevEvent, asyncWork -> {
                DeviceOutcome d = devices.get(span.subject());
                if (d != null) {
                    args.put("driver", d.driver());
                    args.put("finalState", d.state().name());
                    args.put("attempts", d.attempts());
                    if (d.failure() != null) {
                        args.put("failure", d.failure());
                    }
                }
            }
            case moduleLoad, moduleInit, moduleWait, globalWait -> {
                ModuleOutcome m = modules.get(span.subject());
                if (m != null) {
                    args.put("asyncProbeRequested", m.asyncProbeRequested());
                    args.put("warned", m.warned());
                    args.put("killed", m.killed());
                    if (!m.waitedOn().isEmpty()) {
                        args.put("waitedOn", m.waitedOn());
                    }
                }
            }
            default -> { }
        }
    }

    /** Milestones (with their bounds while CPU shares are unknown), then findings, all in time order. */
    static List<Marker> markers(Report report) {
        Map<String, Uncertainty.MilestoneBounds> bounds = new HashMap<>();
        if (report.uncertainty() != null) {
            for (Uncertainty.MilestoneBounds b : report.uncertainty().milestones()) {
                bounds.put(b.milestone(), b);
            }
        }
        Milestones m = report.milestones();
        List<Marker> markers = new ArrayList<>();
        milestone(markers, "initcallsDone", m.initcallsDoneUs(), bounds.get("initcallsDoneUs"));
        milestone(markers, "initStart", m.initStartUs(), bounds.get("initStartUs"));
        milestone(markers, "rootMounted", m.rootMountedUs(), bounds.get("rootMountedUs"));
        milestone(markers, "udevSettled", m.udevSettledUs(), bounds.get("udevSettledUs"));
        milestone(markers, "allDevicesSettled", m.allDevicesSettledUs(), bounds.get("allDevicesSettledUs"));
        for (Finding f : report.warnings()) {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("severity", f.severity().name());
            args.put("subject", f.subject());
            args.put("message", f.message());
            args.put("remedy", f.remedy());
            args.put("planWide", f.atUs() == null); // drawn at 0: it holds for the whole boot
            markers.add(new Marker(f.code().name(), "finding", f.atUs() == null ? 0 : f.atUs(), args));
        }
        markers.sort(Comparator.comparingLong(Marker::atUs)); // stable: milestones before findings at a tie
        return markers;
    }

    private static void milestone(List<Marker> out, String name, Long atUs, Uncertainty.MilestoneBounds bounds) {
        if (atUs == null) {
            return;
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("atUs", atUs);
        if (bounds != null) {
            args.put("lowUs", bounds.lowUs());
            args.put("highUs", bounds.highUs());
        }
        out.add(new Marker(name, "milestone", atUs, args));
    }
}
