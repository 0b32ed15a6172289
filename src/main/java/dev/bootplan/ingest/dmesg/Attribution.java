package dev.bootplan.ingest.dmesg;

import static dev.bootplan.ingest.dmesg.DmesgIssueKind.*;

import dev.bootplan.ingest.Issues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which initcall or module load ran each probe. A probe line has no PID (unless the log carries printk
 * caller ids), so a probe belongs to the open call whose start it follows: the probe ran from
 * {@code stamp - duration} to its stamp, and a synchronous probe lies inside the call that registered its
 * driver. Inside one call, a probe that lies inside a later-printed probe ran within it (a child device
 * created and probed by its parent's probe).
 */
final class Attribution {

    /** Stamps of different CPUs disagree by a few µs (a pair in the RPi 4 log is 13 µs out of order). */
    private static final long SLACK_US = 20;
    /** Before the clocksource switch durations are counted in jiffies (4000 µs at HZ=250, 10 ms at HZ=100). */
    private static final long COARSE_SLACK_US = 10_000;

    private final Initcalls initcalls;
    private final List<Mutable> probes = new ArrayList<>();
    private final Map<Integer, List<Integer>> outermost = new HashMap<>();
    private boolean coarseClock = true;

    Attribution(Initcalls initcalls) {
        this.initcalls = initcalls;
    }

    private static final class Mutable {
        final String device;
        final int rc;
        final long duration;
        final long end;
        final int line;
        final int column;
        int context = -1;
        int parent = -1;

        Mutable(String device, int rc, long duration, long end, int line, int column) {
            this.device = device;
            this.rc = rc;
            this.duration = duration;
            this.end = end;
            this.line = line;
            this.column = column;
        }

        long start() {
            return end - duration;
        }
    }

    void clockIsFine() {
        coarseClock = false;
    }

    /**
     * A duration of 1 to 999 µs was not counted in jiffies (a tick is at least 1 ms at HZ ≤ 1000): the clocksource
     * switch is behind us even when the log lost its line (a log that starts late was read with the 10 ms slack
     * throughout, and back-to-back sibling probes were nested into each other).
     */
    void sawDuration(long us) {
        if (us > 0 && us < 1000) {
            coarseClock = false;
        }
    }

    void probe(LogLine line, long at, Message.Probe p) {
        sawDuration(p.durationUs());
        Mutable probe = new Mutable(p.device(), p.returnCode(), p.durationUs(), at, line.line(), line.column());
        int index = probes.size();
        probes.add(probe);
        long slack = coarseClock ? COARSE_SLACK_US : SLACK_US;
        List<Integer> around = new ArrayList<>(2);
        for (int c : initcalls.open()) {
            InitcallRun run = initcalls.get(c);
            if (run.startUs() <= probe.start() + slack && (line.callerPid() == null || line.callerPid() == run.pid())) {
                around.add(c);
            }
        }
        if (around.size() == 1) {
            probe.context = around.get(0);
            nest(index, probe, slack);
        } else if (around.isEmpty()) {
            issueLater.add(index);
        } else {
            ambiguous.add(index);
            ambiguousWith.add(around.stream().map(c -> initcalls.get(c).label()).toList());
        }
    }

    private final List<Integer> issueLater = new ArrayList<>();
    private final List<Integer> ambiguous = new ArrayList<>();
    private final List<List<String>> ambiguousWith = new ArrayList<>();

    private void nest(int index, Mutable probe, long slack) {
        List<Integer> list = outermost.computeIfAbsent(probe.context, k -> new ArrayList<>(2));
        if (probe.duration > 0) {
            while (!list.isEmpty()) {
                Mutable last = probes.get(list.get(list.size() - 1));
                if (last.start() + slack >= probe.start() && last.end <= probe.end) {
                    last.parent = index;
                    list.remove(list.size() - 1);
                } else {
                    break;
                }
            }
        }
        list.add(index);
    }

    /** The probe records, their results read by the convention of {@code kernelVersion} (5.14 changed it). */
    List<ProbeRun> probes(String kernelVersion, Issues issues) {
        for (int i : issueLater) {
            Mutable p = probes.get(i);
            issues.add(p.line, p.column, UNATTRIBUTED_PROBE, "probe of " + p.device + " ran " + Stamps.seconds(p.start())
                    + "–" + Stamps.seconds(p.end) + " s outside every initcall and module load in the log (an async"
                    + " probe, a deferred retry, or its load's lines were lost); kept as an unattributed device");
        }
        for (int k = 0; k < ambiguous.size(); k++) {
            Mutable p = probes.get(ambiguous.get(k));
            issues.add(p.line, p.column, AMBIGUOUS_PROBE, "probe of " + p.device + " lies inside "
                    + String.join(" and ", ambiguousWith.get(k)) + " and the log has no caller ids to choose; left unattributed");
        }
        boolean legacy = kernelVersion != null && before514(kernelVersion);
        boolean warned = false;
        List<ProbeRun> out = new ArrayList<>(probes.size());
        for (Mutable p : probes) {
            if (kernelVersion == null && p.rc == 1 && !warned) {
                warned = true;
                issues.add(p.line, p.column, PROBE_CONVENTION_ASSUMED, "probe of " + p.device + " returned 1: read by the"
                        + " v5.14+ convention (an error), as the log does not print the kernel version; before v5.14 1 meant bound");
            }
            out.add(new ProbeRun(p.device, p.rc, result(p.rc, legacy), p.duration, p.end, p.line, p.context, p.parent));
        }
        return out;
    }

    /** dd.c: from v5.14 0 = bound, ±517 = deferred, else an error; before, 1 = bound and 0 = not bound. */
    static ProbeResult result(int rc, boolean legacy) {
        if (legacy) {
            return rc == 1 ? ProbeResult.bound : rc == 0 ? ProbeResult.notBound : ProbeResult.failed;
        }
        return rc == 0 ? ProbeResult.bound : Math.abs(rc) == 517 ? ProbeResult.deferred : ProbeResult.failed;
    }

    private static boolean before514(String version) {
        String[] parts = version.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : 0;
            return major < 5 || (major == 5 && minor < 14);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
