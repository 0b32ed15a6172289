package dev.bootplan.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Spans of one lane onto tracks: nested and disjoint spans share track 0, an overlap takes the first track with room. */
class LaneSplitTests {

    @Test
    void nestedAndDisjointSpansStayOnTheFirstTrack() {
        LaneSplit split = new LaneSplit();
        assertThat(split.place(0, 100)).isZero();
        assertThat(split.place(0, 40)).isZero();   // same start, shorter: nested
        assertThat(split.place(10, 20)).isZero();
        assertThat(split.place(40, 40)).isZero();  // zero length at an end: disjoint from [0, 40]
        assertThat(split.place(100, 150)).isZero(); // starts where the first ends
        assertThat(split.tracks()).isEqualTo(1);
    }

    @Test
    void anOverlapWithoutNestingGoesToTheFirstTrackWithRoom() {
        LaneSplit split = new LaneSplit();
        assertThat(split.place(0, 100)).isZero();
        assertThat(split.place(50, 150)).isEqualTo(1);  // crosses the end of [0, 100]
        assertThat(split.place(60, 70)).isZero();       // nests in [0, 100], the innermost open span of track 0
        assertThat(split.place(65, 120)).isEqualTo(1);  // crosses [60, 70] and [0, 100]; nests in [50, 150]
        assertThat(split.place(66, 130)).isEqualTo(2);  // crosses everything open
        assertThat(split.place(100, 110)).isZero();     // track 0 has closed by now
        assertThat(split.tracks()).isEqualTo(3);
    }

    @Test
    void staggeredOverlapsNeedAsManyTracksAsTheyOverlapAndReuseThemInOrder() {
        // [i, i + 1000] for i = 0 … 99,999: each crosses the 999 before it (the one 1,000 before ends where it starts),
        // so 1,000 tracks, taken round-robin.
        LaneSplit split = new LaneSplit();
        for (int i = 0; i < 100_000; i++) {
            assertThat(split.place(i, i + 1000L)).isEqualTo(i % 1000);
        }
        assertThat(split.tracks()).isEqualTo(1000);
    }

    @Test
    void zeroLengthSpansAtOneInstantStackAsPerfettoDoesButNoDeeperThanTheCap() {
        LaneSplit split = new LaneSplit();
        assertThat(split.place(0, 100)).isZero();
        for (int i = 0; i < 200; i++) {
            // Depth 1 (the open [0, 100]) + 63 zero-length spans fill track 0; then 64 per track.
            assertThat(split.place(50, 50)).isEqualTo(i < 63 ? 0 : 1 + (i - 63) / LaneSplit.MAX_DEPTH);
        }
        assertThat(split.tracks()).isEqualTo(4);
        assertThat(split.place(50, 60)).as("a span with length closes the zero-length ones at its start").isZero();
    }
}
