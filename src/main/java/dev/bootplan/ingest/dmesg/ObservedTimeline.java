package dev.bootplan.ingest.dmesg;

import dev.bootplan.report.ObservedBoot;
import dev.bootplan.report.ObservedCall;
import dev.bootplan.report.ObservedMilestones;
import dev.bootplan.report.ObservedProbe;
import dev.bootplan.report.Span;
import dev.bootplan.report.SpanKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed log in the report's vocabulary. Calls sit on the lane of the task that ran them (pid1, pid-N);
 * attributed probes on their call's lane, nested like the engine draws them; probes outside every call on
 * async-N lanes, packed so that no two overlap. Nothing is drawn that the log does not show: an unfinished
 * call has no span.
 */
public final class ObservedTimeline {

    private static final Comparator<Span> BY_START_THEN_LANE = (a, b) -> {
        int c = Long.compare(a.startUs(), b.startUs());
        return c != 0 ? c : a.lane().compareTo(b.lane());
    };

    private ObservedTimeline() {}

    public static ObservedBoot of(BootLog log) {
        List<InitcallRun> runs = log.initcalls();
        List<ObservedCall> calls = new ArrayList<>(runs.size());
        List<Span> spans = new ArrayList<>(runs.size() + log.probes().size());
        // Computed once per call and per PID: a 200,000-initcall log has as many probes asking for them.
        String[] labels = new String[runs.size()];
        String[] lanes = new String[runs.size()];
        Map<Integer, String> laneOfPid = new HashMap<>();
        Long initcallsDone = null;
        for (int i = 0; i < runs.size(); i++) {
            InitcallRun r = runs.get(i);
            labels[i] = r.label();
            lanes[i] = laneOfPid.computeIfAbsent(r.pid(), ObservedTimeline::lane);
            calls.add(new ObservedCall(r.function(), r.module(), r.pid(), r.level(), r.startUs(), r.endUs(), r.reportedUs(),
                    r.returnCode(), r.callingLine()));
            if (r.finished()) {
                spans.add(new Span(lanes[i], r.builtin() ? SpanKind.initcall : SpanKind.moduleInit, labels[i], r.startUs(),
                        r.endUs()));
                if (r.builtin()) {
                    initcallsDone = initcallsDone == null ? r.endUs() : Math.max(initcallsDone, r.endUs());
                }
            }
        }
        List<ObservedProbe> probes = new ArrayList<>(log.probes().size());
        List<Long> asyncLaneEnds = new ArrayList<>();
        Long lastProbe = null;
        for (ProbeRun p : log.probes()) {
            String within = p.attributed() ? labels[p.context()] : null;
            String parent = p.parent() >= 0 ? log.probes().get(p.parent()).device() : null;
            probes.add(new ObservedProbe(p.device(), p.result().name(), p.returnCode(), p.startUs(), p.endUs(), within, parent,
                    p.line()));
            String lane = p.attributed() ? lanes[p.context()] : asyncLane(asyncLaneEnds, p);
            SpanKind kind = p.result() == ProbeResult.deferred ? SpanKind.deferral
                    : p.attributed() ? SpanKind.syncProbe : SpanKind.asyncProbe;
            spans.add(new Span(lane, kind, p.device(), Math.max(0, p.startUs()), p.endUs()));
            if (p.result() == ProbeResult.bound) {
                lastProbe = lastProbe == null ? p.endUs() : Math.max(lastProbe, p.endUs());
            }
        }
        spans.sort(BY_START_THEN_LANE);
        Long initStart = log.events(LogEvent.InitStarted.class).stream().map(LogEvent::atUs).findFirst().orElse(null);
        Long rootMounted = log.events(LogEvent.RootMounted.class).stream().map(LogEvent::atUs).findFirst().orElse(null);
        ObservedMilestones ms = new ObservedMilestones(log.firstStampUs(), initcallsDone, initStart, rootMounted, lastProbe,
                log.lastStampUs());
        return new ObservedBoot(log.source(), log.kernelVersion(), ms, calls, probes, spans);
    }

    private static String lane(int pid) {
        return pid == 1 ? "pid1" : "pid-" + pid;
    }

    /** The first async lane free at the probe's start (lanes are few: probes outside calls are rare). */
    private static String asyncLane(List<Long> ends, ProbeRun p) {
        for (int i = 0; i < ends.size(); i++) {
            if (ends.get(i) <= p.startUs()) {
                ends.set(i, p.endUs());
                return "async-" + i;
            }
        }
        ends.add(p.endUs());
        return "async-" + (ends.size() - 1);
    }
}
