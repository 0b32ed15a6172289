package dev.bootplan.render;

import dev.bootplan.report.Finding;
import dev.bootplan.report.Milestones;
import dev.bootplan.report.ModuleOutcome;
import dev.bootplan.report.ObservedBoot;
import dev.bootplan.report.ObservedMilestones;
import dev.bootplan.report.Report;
import dev.bootplan.report.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * What a timeline picture shows, whether the boot was simulated or read from a log: a title, milestones,
 * spans on lanes, udev warning windows and findings. {@code endUs} is where the time axis has to reach at least.
 */
record Chart(String title, List<Marker> milestones, List<Span> timeline, List<ModuleOutcome> modules,
        List<Finding> warnings, long endUs) {

    /** A milestone: a vertical rule with a name. */
    record Marker(String name, long atUs) {}

    static Chart of(Report report) {
        Milestones ms = report.milestones();
        List<Marker> markers = new ArrayList<>();
        add(markers, "initcalls done", ms.initcallsDoneUs());
        add(markers, "/init starts", ms.initStartUs());
        add(markers, "root mounted", ms.rootMountedUs());
        add(markers, "udev settled", ms.udevSettledUs());
        add(markers, "all devices settled", ms.allDevicesSettledUs());
        String title = report.plan() + " — " + report.mode() + " mode, kernel " + report.kernelVersion()
                + "; all devices settled at " + Fmt.time(ms.allDevicesSettledUs());
        return new Chart(title, markers, report.timeline(), report.modules(), report.warnings(), ms.allDevicesSettledUs());
    }

    static Chart of(ObservedBoot boot) {
        ObservedMilestones ms = boot.milestones();
        List<Marker> markers = new ArrayList<>();
        add(markers, "log starts", ms.firstStampUs());
        add(markers, "initcalls done", ms.initcallsDoneUs());
        add(markers, "/init starts", ms.initStartUs());
        add(markers, "root mounted", ms.rootMountedUs());
        add(markers, "last probe", ms.lastProbeUs());
        String title = boot.source() + " — observed boot" + (boot.kernelVersion() == null ? "" : ", kernel " + boot.kernelVersion())
                + "; " + boot.initcalls().size() + " initcalls, " + boot.devices().size() + " probes";
        long end = ms.lastStampUs() == null ? 0 : ms.lastStampUs();
        return new Chart(title, markers, boot.timeline(), List.of(), List.of(), end);
    }

    private static void add(List<Marker> list, String name, Long at) {
        if (at != null) {
            list.add(new Marker(name, at));
        }
    }
}
