package dev.bootplan.render;

import dev.bootplan.report.Span;
import dev.bootplan.report.SpanKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lanes in reading order and the bars drawn on each: nesting depth from overlap, and spans narrower than a pixel
 * merged into one bar per run of touching pixels, so a lane never needs more bars per depth than it has pixels.
 */
final class Lanes {

    /** Deepest nesting drawn with its own (smaller) height; deeper spans share it. */
    static final int MAX_DEPTH = 3;

    private Lanes() {}

    /** pid1, deferred, async-N by number, udev-worker-N by number, anything else by name. */
    static final Comparator<String> ORDER = Comparator.comparingInt(Lanes::rank)
            .thenComparingLong(Lanes::number)
            .thenComparing(Comparator.naturalOrder());

    private static int rank(String lane) {
        if (lane.equals("pid1")) {
            return 0;
        }
        if (lane.equals("deferred")) {
            return 1;
        }
        if (lane.startsWith("async-")) {
            return 2;
        }
        if (lane.startsWith("udev-worker-")) {
            return 3;
        }
        return 4;
    }

    private static long number(String lane) {
        int i = lane.length();
        while (i > 0 && Character.isDigit(lane.charAt(i - 1))) {
            i--;
        }
        if (i == lane.length() || lane.length() - i > 18) {
            return -1;
        }
        return Long.parseLong(lane.substring(i));
    }

    /** The report's spans grouped by lane, lanes in {@link #ORDER}, spans in report order. */
    static Map<String, List<Span>> byLane(List<Span> timeline) {
        // Grouped by hash first and the few lane names sorted once: a sorted map would run ORDER (which parses the
        // lane's number) on every span, a quarter of the time drawing a 200,000-initcall log took.
        Map<String, List<Span>> grouped = new HashMap<>();
        for (Span s : timeline) {
            grouped.computeIfAbsent(s.lane() == null ? "" : s.lane(), k -> new ArrayList<>()).add(s);
        }
        List<String> names = new ArrayList<>(grouped.keySet());
        names.sort(ORDER);
        Map<String, List<Span>> lanes = new LinkedHashMap<>();
        for (String name : names) {
            lanes.put(name, grouped.get(name));
        }
        return lanes;
    }

    /**
     * One drawn bar: a single span ({@code count == 1}, {@code span} set) or {@code count} merged sub-pixel spans
     * ({@code span} null; {@code kind} null when they were of different kinds).
     */
    record Bar(double x, double w, int depth, SpanKind kind, int count, Span span, long startUs, long endUs, boolean leaf) {

        Bar asInner() {
            return new Bar(x, w, depth, kind, count, span, startUs, endUs, false);
        }
    }

    /** Bars of one lane, depth 0 first, each depth in time order. */
    static List<Bar> bars(List<Span> lane, TimeAxis axis) {
        List<Span> sorted = new ArrayList<>(lane);
        sorted.sort(Comparator.comparingLong(Span::startUs).thenComparing(Comparator.comparingLong(Span::endUs).reversed()));
        List<List<Span>> byDepth = new ArrayList<>();
        long[] open = new long[sorted.size() + 1];
        int top = 0;
        for (Span s : sorted) {
            while (top > 0 && open[top - 1] <= s.startUs()) {
                top--;
            }
            int depth = Math.min(top, MAX_DEPTH);
            open[top++] = s.endUs();
            while (byDepth.size() <= depth) {
                byDepth.add(new ArrayList<>());
            }
            byDepth.get(depth).add(s);
        }
        List<List<Bar>> levels = new ArrayList<>();
        for (int d = 0; d < byDepth.size(); d++) {
            List<Bar> level = new ArrayList<>();
            merge(byDepth.get(d), d, axis, level);
            levels.add(level);
        }
        List<Bar> bars = new ArrayList<>();
        for (int d = 0; d < levels.size(); d++) {
            List<Bar> deeper = d + 1 < levels.size() ? levels.get(d + 1) : List.of();
            for (Bar b : levels.get(d)) {
                bars.add(covered(b, deeper) ? b.asInner() : b);
            }
        }
        return bars;
    }

    /** Whether a bar of the next depth starts inside {@code b} (deeper bars are in start order). */
    private static boolean covered(Bar b, List<Bar> deeper) {
        int lo = 0;
        int hi = deeper.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (deeper.get(mid).x() < b.x()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < deeper.size() && deeper.get(lo).x() < b.x() + b.w();
    }

    private static void merge(List<Span> spans, int depth, TimeAxis axis, List<Bar> out) {
        Run run = null;
        for (Span s : spans) {
            double x0 = axis.x(s.startUs());
            double x1 = axis.x(s.endUs());
            if (x1 - x0 >= 1) {
                if (run != null) {
                    out.add(run.bar(depth));
                    run = null;
                }
                out.add(new Bar(x0, x1 - x0, depth, s.kind(), 1, s, s.startUs(), s.endUs(), true));
                continue;
            }
            long px0 = (long) Math.floor(x0);
            long px1 = Math.max(px0 + 1, (long) Math.ceil(x1));
            if (run != null && px0 <= run.px1) {
                run.add(s, px1);
            } else {
                if (run != null) {
                    out.add(run.bar(depth));
                }
                run = new Run(s, px0, px1);
            }
        }
        if (run != null) {
            out.add(run.bar(depth));
        }
    }

    private static final class Run {
        final Span first;
        final long px0;
        long px1;
        SpanKind kind;
        int count = 1;
        long startUs;
        long endUs;

        Run(Span s, long px0, long px1) {
            this.first = s;
            this.px0 = px0;
            this.px1 = px1;
            this.kind = s.kind();
            this.startUs = s.startUs();
            this.endUs = s.endUs();
        }

        void add(Span s, long px) {
            px1 = Math.max(px1, px);
            count++;
            if (kind != s.kind()) {
                kind = null;
            }
            endUs = Math.max(endUs, s.endUs());
        }

        Bar bar(int depth) {
            return new Bar(px0, px1 - px0, depth, kind, count, count == 1 ? first : null, startUs, endUs, true);
        }
    }
}
