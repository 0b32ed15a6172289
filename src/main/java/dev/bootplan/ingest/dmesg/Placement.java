package dev.bootplan.ingest.dmesg;

import static dev.bootplan.ingest.dmesg.DmesgIssueKind.*;

import dev.bootplan.ingest.Issues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which probes of a log a plan can hold as devices, and where. A device belongs to the call (initcall or
 * module init) that first probed it, whose driver registered it. Its probe time is the probe that bound it:
 * at once, or after deferrals, in deferred_probe_initcall or asynchronously. A child probe (one run inside its
 * parent's probe) stays folded into its parent's time; a probe that failed stays in its call's own time.
 */
final class Placement {

    /**
     * One device the plan holds: the call that owns its driver, the probe that bound it, the call whose span that
     * probe time is part of ({@code heldIn}, -1 when it ran async), the stand-in supplier of a deferred device,
     * and its first probe (an index into {@link BootLog#probes()}).
     */
    record Placed(String device, int owner, long probeUs, int heldIn, String supplier, int firstProbe, int boundProbe) {}

    private final List<Placed> placed = new ArrayList<>();
    private final boolean[] asyncOwner;
    private int childrenFolded;

    private Placement(int calls) {
        this.asyncOwner = new boolean[calls];
    }

    List<Placed> devices() {
        return placed;
    }

    boolean asyncOwner(int call) {
        return asyncOwner[call];
    }

    int childrenFolded() {
        return childrenFolded;
    }

    static Placement of(BootLog log, Issues issues) {
        Placement p = new Placement(log.initcalls().size());
        int retryCall = -1;
        for (int i = 0; i < log.initcalls().size(); i++) {
            if (log.initcalls().get(i).builtin() && log.initcalls().get(i).function().equals("deferred_probe_initcall")) {
                retryCall = i;
                break;
            }
        }
        Map<String, List<Integer>> byDevice = new LinkedHashMap<>();
        for (int i = 0; i < log.probes().size(); i++) {
            byDevice.computeIfAbsent(log.probes().get(i).device(), k -> new ArrayList<>()).add(i);
        }
        List<Integer> deferredAt = new ArrayList<>();
        for (List<Integer> runs : byDevice.values()) {
            ProbeRun first = log.probes().get(runs.get(0));
            if (first.parent() >= 0) {
                p.childrenFolded++;
                continue;
            }
            if (!first.attributed()) {
                continue; // reported by the parser as unattributed or ambiguous
            }
            InitcallRun call = log.initcalls().get(first.context());
            String owner = call.label();
            if (!call.finished()) {
                issues.add(first.line(), 1, PROBE_TIME_KEPT, "probe of " + first.device() + " ran in " + owner + ", which has no"
                        + " \"returned\" line; the plan holds only calls that return, so it leaves the device out");
                continue;
            }
            if (first.context() == retryCall) {
                issues.add(first.line(), 1, PROBE_TIME_KEPT, "probe of " + first.device() + " is first seen in "
                        + "deferred_probe_initcall: its deferral is not in the log, so neither is its driver; its "
                        + first.durationUs() + " µs stay in deferred_probe_initcall's own time");
                continue;
            }
            switch (first.result()) {
                case bound -> p.placed.add(new Placed(first.device(), first.context(), first.durationUs(), first.context(), null,
                        runs.get(0), runs.get(0)));
                case failed, notBound -> issues.add(first.line(), 1, PROBE_TIME_KEPT, "probe of " + first.device()
                        + " returned " + first.returnCode() + " (not bound); the plan holds only devices that bind, so its "
                        + first.durationUs() + " µs stay in the own time of " + owner);
                case deferred -> {
                    int before = p.placed.size();
                    p.placeRetry(log, runs, retryCall, issues);
                    if (p.placed.size() > before) {
                        deferredAt.add(before);
                    }
                }
            }
        }
        p.inferSuppliers(log, deferredAt, retryCall, issues);
        return p;
    }

    private void placeRetry(BootLog log, List<Integer> runs, int retryCall, Issues issues) {
        ProbeRun first = log.probes().get(runs.get(0));
        int boundAt = runs.stream().filter(i -> log.probes().get(i).result() == ProbeResult.bound).findFirst().orElse(-1);
        ProbeRun bound = boundAt < 0 ? null : log.probes().get(boundAt);
        InitcallRun owner = log.initcalls().get(first.context());
        if (bound == null) {
            issues.add(first.line(), 1, PROBE_TIME_KEPT, "probe of " + first.device() + " deferred and never bound in the"
                    + " log; the plan leaves it out (its supplier is not in the log)");
        } else if (!owner.builtin()) {
            issues.add(first.line(), 1, PROBE_TIME_KEPT, "probe of " + first.device() + " deferred in the module load "
                    + owner.label() + " and bound at line " + bound.line() + "; the plan holds deferrals of built-in drivers only");
        } else if (bound.parent() < 0 && bound.context() == retryCall && retryCall >= 0) {
            placed.add(new Placed(first.device(), first.context(), bound.durationUs(), retryCall, null, runs.get(0),
                    boundAt));
        } else if (bound.parent() < 0 && !bound.attributed()) {
            // Marked async only once inferSuppliers has kept the device: a driver must not turn async on the strength
            // of a device the plan then leaves out.
            placed.add(new Placed(first.device(), first.context(), bound.durationUs(), -1, null, runs.get(0),
                    boundAt));
        } else {
            issues.add(bound.line(), 1, PROBE_TIME_KEPT, "probe of " + first.device() + " deferred at line " + first.line()
                    + " and bound here, inside " + (bound.parent() >= 0 ? "another probe"
                            : log.initcalls().get(bound.context()).label())
                    + "; the plan cannot retry it there, so both probes' time stays in their calls' own time");
        }
    }

    /**
     * The log names no supplier. A deferred built-in device is retried only by deferred_probe_initcall
     * (probe-model.md §6), so any device bound after the deferral and before late reproduces the timing; the
     * first such device stands in, and the choice is reported.
     */
    private void inferSuppliers(BootLog log, List<Integer> deferred, int retryCall, Issues issues) {
        long retryStart = retryCall >= 0 ? log.initcalls().get(retryCall).startUs() : Long.MAX_VALUE;
        List<Placed> boundAtOnce = placed.stream().filter(d -> d.heldIn() == d.owner()).toList();
        int[] firsts = boundAtOnce.stream().mapToInt(Placed::firstProbe).toArray(); // ascending: placed in log order
        java.util.Set<Integer> deferredSet = new java.util.HashSet<>(deferred);
        List<Placed> keep = new ArrayList<>(placed.size());
        for (int i = 0; i < placed.size(); i++) {
            Placed d = placed.get(i);
            if (!deferredSet.contains(i)) {
                keep.add(d);
                continue;
            }
            ProbeRun deferral = log.probes().get(d.firstProbe());
            int at = java.util.Arrays.binarySearch(firsts, d.firstProbe() + 1);
            at = at >= 0 ? at : -at - 1;
            Placed supplier = at < firsts.length && log.probes().get(firsts[at]).endUs() < retryStart ? boundAtOnce.get(at) : null;
            if (supplier == null) {
                issues.add(deferral.line(), 1, PROBE_TIME_KEPT, "probe of " + d.device() + " deferred, but no device bound"
                        + " after it before deferred_probe_initcall to stand in for its supplier; the plan leaves it out");
                continue;
            }
            issues.add(deferral.line(), 1, SUPPLIER_INFERRED, d.device() + " deferred (returned " + deferral.returnCode()
                    + "); the log does not name its supplier, so " + supplier.device() + " (bound at line "
                    + log.probes().get(supplier.firstProbe()).line() + ") stands in for it");
            keep.add(new Placed(d.device(), d.owner(), d.probeUs(), d.heldIn(), supplier.device(), d.firstProbe(), d.boundProbe()));
        }
        placed.clear();
        placed.addAll(keep);
        for (Placed d : placed) {
            if (d.heldIn() < 0) {
                asyncOwner[d.owner()] = true;
                ProbeRun bound = log.probes().get(d.boundProbe());
                issues.add(bound.line(), 1, ASYNC_INFERRED, d.device() + " deferred at line " + log.probes().get(d.firstProbe()).line()
                        + " and bound outside every initcall: the driver registered by "
                        + log.initcalls().get(d.owner()).label() + " is taken to prefer async probing");
            }
        }
    }
}
