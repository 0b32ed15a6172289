package dev.bootplan.render;

import dev.bootplan.report.Span;
import dev.bootplan.report.SpanKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The timeline's rows: one per lane, except udev workers that did nothing but wait for the same module load, which
 * share one row with a count ("74 udev workers waiting for sd_mod").
 *
 * <p>The rule, from the span kinds: a lane {@code udev-worker-N} <em>only waits on</em> module M when every span on
 * it is either a {@code moduleWait} whose subject is M, or a {@code udevEvent} whose start and end are those of one of
 * its {@code moduleWait} spans (the event did nothing but wait: systemd-udevd's worker blocked in its own
 * {@code finit_module()} on a module another worker is loading, kernel/module/main.c add_unformed_module()). Two such
 * lanes wait on <em>the same thing</em> when M and the (start, end) of each of their waits are equal, so the shared row
 * is exact: it shows when each of them waited, not an envelope. Two or more such lanes make one row, placed where the
 * first of them was. A worker that also waited on another module, or did any work (a load, a probe), keeps its own row:
 * collapsing it would hide what else it did.
 */
final class LaneRows {

    private LaneRows() {}

    /**
     * One row: {@code lanes} lanes drawn alike. For a single lane {@code label} is its name and {@code waitingFor} is
     * null; for a collapsed group {@code spans} are those of the first lane and {@code members} name all of them.
     */
    record Row(String label, List<String> members, List<Span> spans, String waitingFor) {

        Row {
            members = List.copyOf(members);
        }

        int lanes() {
            return members.size();
        }

        boolean collapsed() {
            return waitingFor != null;
        }

        /** What the row is, spelled out: "74 udev workers waiting for sd_mod". */
        String summary() {
            return collapsed() ? lanes() + " udev workers waiting for " + waitingFor : label;
        }
    }

    private record Waits(String module, List<Interval> bounds) {}

    private record Interval(long startUs, long endUs) {}

    /** Rows in the order of {@code lanes} (see {@link Lanes#byLane}). Linear in the number of spans. */
    static List<Row> of(Map<String, List<Span>> lanes) {
        Map<Waits, List<String>> groups = new LinkedHashMap<>();
        Map<String, Waits> waitsOf = new HashMap<>();
        for (var e : lanes.entrySet()) {
            Waits w = onlyWaits(e.getKey(), e.getValue());
            if (w != null) {
                waitsOf.put(e.getKey(), w);
                groups.computeIfAbsent(w, k -> new ArrayList<>()).add(e.getKey());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (var e : lanes.entrySet()) {
            Waits w = waitsOf.get(e.getKey());
            List<String> group = w == null ? null : groups.get(w);
            if (group == null || group.size() < 2) {
                rows.add(new Row(e.getKey(), List.of(e.getKey()), e.getValue(), null));
            } else if (group.get(0).equals(e.getKey())) {
                rows.add(new Row(group.size() + " udev workers", group, e.getValue(), w.module()));
            }
        }
        return rows;
    }

    /** The one module a udev worker lane only waited on, with the bounds of its waits; null when it did anything else. */
    private static Waits onlyWaits(String lane, List<Span> spans) {
        if (!lane.startsWith("udev-worker-")) {
            return null;
        }
        String module = null;
        List<Interval> bounds = new ArrayList<>();
        for (Span s : spans) {
            if (s.kind() != SpanKind.moduleWait) {
                continue;
            }
            if (module == null) {
                module = s.subject();
            } else if (!module.equals(s.subject())) {
                return null;
            }
            bounds.add(new Interval(s.startUs(), s.endUs()));
        }
        if (module == null) {
            return null;
        }
        Set<Interval> waits = new HashSet<>(bounds);
        for (Span s : spans) {
            boolean idle = s.kind() == SpanKind.moduleWait
                    || s.kind() == SpanKind.udevEvent && waits.contains(new Interval(s.startUs(), s.endUs()));
            if (!idle) {
                return null;
            }
        }
        return new Waits(module, List.copyOf(bounds));
    }
}
