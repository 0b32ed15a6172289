package dev.bootplan.trace;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Splits one lane onto as few tracks as it needs so that on every track spans nest or are disjoint, as the Trace
 * Event Format requires of complete events (Perfetto drops an {@code X} event that overlaps an open one without
 * nesting in it). Spans arrive by start, longer first; each goes on the first track where it nests in the innermost
 * open span or where nothing is open: first fit, so the result depends only on the spans. A lane the model keeps
 * nested (every simulated lane) stays on track 0.
 *
 * <p>Zero-length spans at the same instant nest in each other, as Perfetto stacks them (its slice tracker keeps a
 * 0-duration slice open for another at the same timestamp), and no track nests deeper than {@link #MAX_DEPTH}: past it
 * a span goes to the next track with room. Perfetto refuses slices deeper than 512; a coldplug that ends hundreds of
 * udev events in one microsecond would otherwise stack them all on one worker's track.
 *
 * <p>Cost O(log tracks) per span: a min-heap of open ends closes spans as time passes, and a segment tree over the
 * tracks finds the first one with room, so a log with thousands of staggered overlapping probes stays linear-ish
 * instead of scanning every track for every span.
 */
final class LaneSplit {

    /** The deepest nesting on one track. */
    static final int MAX_DEPTH = 64;

    /** Room of a track with nothing open: any span fits. */
    private static final long EMPTY = Long.MAX_VALUE;
    /** Room of a track nested {@link #MAX_DEPTH} deep: nothing fits. */
    private static final long FULL = Long.MIN_VALUE;

    private record Open(long end, boolean zeroLength, int track) {}

    private final PriorityQueue<Open> open = new PriorityQueue<>((a, b) -> Long.compare(a.end, b.end));
    private long[][] stacks = new long[1][4];
    private int[] depth = new int[1];
    private int tracks;
    /** Max-tree over tracks of their room: the end of the innermost open span, or EMPTY. Leaves at [cap, 2·cap). */
    private long[] room = new long[2];
    private int cap = 1;

    int tracks() {
        return tracks;
    }

    /** The track (0-based) span [start, end] goes on. Calls must come in start order, longer spans first at a tie. */
    int place(long start, long end) {
        // Close what ended by this start: [a, b] and [b, c] are disjoint, as Perfetto closes a slice at its end; only
        // two zero-length spans at one instant stay open for each other.
        boolean zeroLength = start == end;
        while (!open.isEmpty() && (open.peek().end() < start
                || open.peek().end() == start && !(open.peek().zeroLength() && zeroLength))) {
            pop(open.poll().track());
        }
        int t = firstWithRoom(end);
        if (t < 0) {
            t = addTrack();
        }
        push(t, end, zeroLength);
        return t;
    }

    private void pop(int t) {
        depth[t]--;
        setRoom(t, depth[t] == 0 ? EMPTY : stacks[t][depth[t] - 1]);
    }

    private void push(int t, long end, boolean zeroLength) {
        if (depth[t] == stacks[t].length) {
            stacks[t] = Arrays.copyOf(stacks[t], depth[t] * 2);
        }
        stacks[t][depth[t]++] = end;
        open.add(new Open(end, zeroLength, t));
        setRoom(t, depth[t] == MAX_DEPTH ? FULL : end);
    }

    private int addTrack() {
        if (tracks == cap) {
            long[] bigger = new long[4 * cap];
            Arrays.fill(bigger, Long.MIN_VALUE);
            System.arraycopy(room, cap, bigger, 2 * cap, cap);
            cap *= 2;
            room = bigger;
            for (int i = cap - 1; i >= 1; i--) {
                room[i] = Math.max(room[2 * i], room[2 * i + 1]);
            }
            stacks = Arrays.copyOf(stacks, cap);
            depth = Arrays.copyOf(depth, cap);
        }
        int t = tracks++;
        stacks[t] = new long[4];
        setRoom(t, EMPTY);
        return t;
    }

    private void setRoom(int t, long value) {
        int i = cap + t;
        room[i] = value;
        for (i >>= 1; i >= 1; i >>= 1) {
            room[i] = Math.max(room[2 * i], room[2 * i + 1]);
        }
    }

    /** The lowest track whose room is at least {@code end}, or −1. */
    private int firstWithRoom(long end) {
        if (tracks == 0 || room[1] < end) {
            return -1;
        }
        int i = 1;
        while (i < cap) {
            i = room[2 * i] >= end ? 2 * i : 2 * i + 1;
        }
        return i - cap < tracks ? i - cap : -1;
    }
}
