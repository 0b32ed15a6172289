package dev.bootplan.trace;

import dev.bootplan.report.Span;
import dev.bootplan.report.SpanKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One process's spans in the order they are written (by start, longer first, an outer kind before an inner one of
 * the same interval) and the track each goes on. Tracks are numbered in the order their lanes first run something
 * (ties by lane name), a lane's extra tracks right after it; tids continue from {@code firstTid} so that no tid is
 * used by two processes (Perfetto takes a tid seen under another pid for a new thread).
 */
final class Layout {

    /** A track: its tid and the name viewers show. */
    record Track(int tid, String name) {}

    /**
     * For spans of equal start and end, which one encloses the other: a udev event holds the module load, the load
     * holds its init, the init the probes it runs, a probe its firmware wait. Unlisted kinds come last.
     */
    private static final List<SpanKind> OUTER_FIRST = List.of(SpanKind.udevEvent, SpanKind.userspace, SpanKind.moduleLoad,
            SpanKind.moduleWait, SpanKind.moduleInit, SpanKind.initcall, SpanKind.globalWait, SpanKind.rootDelay,
            SpanKind.rootWait, SpanKind.initramfsUnpack, SpanKind.syncProbe, SpanKind.asyncProbe, SpanKind.deferral,
            SpanKind.asyncWork, SpanKind.firmwareWait);

    private static final int[] RANK = new int[SpanKind.values().length];

    static {
        for (SpanKind k : SpanKind.values()) {
            int i = OUTER_FIRST.indexOf(k);
            RANK[k.ordinal()] = i < 0 ? OUTER_FIRST.size() : i;
        }
    }

    static final Comparator<Span> WRITE_ORDER = Comparator.comparingLong(Span::startUs)
            .thenComparing(Comparator.comparingLong(Span::endUs).reversed())
            .thenComparingInt(s -> RANK[s.kind().ordinal()]);

    final Span[] spans;
    /** tid of spans[i]. */
    final int[] tids;
    final List<Track> tracks;

    private Layout(Span[] spans, int[] tids, List<Track> tracks) {
        this.spans = spans;
        this.tids = tids;
        this.tracks = tracks;
    }

    static Layout of(List<Span> timeline, int firstTid) {
        Span[] spans = timeline.toArray(Span[]::new);
        Arrays.sort(spans, WRITE_ORDER); // stable: the report's own order breaks the remaining ties
        Map<String, LaneSplit> splits = new HashMap<>();
        Map<String, Long> firstStart = new HashMap<>();
        int[] local = new int[spans.length];
        for (int i = 0; i < spans.length; i++) {
            Span s = spans[i];
            String lane = s.lane() == null ? "" : s.lane();
            LaneSplit split = splits.get(lane);
            if (split == null) {
                split = new LaneSplit();
                splits.put(lane, split);
                firstStart.put(lane, s.startUs());
            }
            local[i] = split.place(s.startUs(), s.endUs());
        }
        // Lanes by first start; the name breaks ties between lanes that start together.
        List<String> ordered = new ArrayList<>(splits.keySet());
        ordered.sort(Comparator.comparingLong((String l) -> firstStart.get(l)).thenComparing(Comparator.naturalOrder()));
        Map<String, Integer> base = new HashMap<>();
        List<Track> tracks = new ArrayList<>();
        int tid = firstTid;
        for (String lane : ordered) {
            base.put(lane, tid);
            int n = splits.get(lane).tracks();
            for (int k = 0; k < n; k++) {
                tracks.add(new Track(tid++, k == 0 ? lane : lane + " #" + (k + 1)));
            }
        }
        int[] tids = new int[spans.length];
        for (int i = 0; i < spans.length; i++) {
            tids[i] = base.get(spans[i].lane() == null ? "" : spans[i].lane()) + local[i];
        }
        return new Layout(spans, tids, List.copyOf(tracks));
    }

    /** The first tid after this layout's tracks. */
    int nextTid(int firstTid) {
        return firstTid + tracks.size();
    }
}
