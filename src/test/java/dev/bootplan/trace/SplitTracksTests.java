package dev.bootplan.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.report.ObservedBoot;
import dev.bootplan.report.ObservedMilestones;
import dev.bootplan.report.Span;
import dev.bootplan.report.SpanKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lanes that a timeline overlaps without nesting, or stacks too deep, become several named tracks that keep the rules. */
class SplitTracksTests {

    private static String trace(List<Span> spans) {
        ObservedBoot boot = new ObservedBoot("made.dmesg", "6.12", new ObservedMilestones(0L, null, null, null, null, 0L),
                List.of(), List.of(), spans);
        return TraceFixtures.text(out -> TraceExport.observed(boot, out));
    }

    @Test
    void staggeredProbesOnOneLaneGetTracksNamedAfterIt() {
        List<Span> spans = new ArrayList<>();
        spans.add(new Span("pid1", SpanKind.initcall, "big_init", 0, 10_000));
        for (int i = 0; i < 10; i++) {
            spans.add(new Span("pid1", SpanKind.syncProbe, "dev" + i, 100 + 100L * i, 600 + 100L * i)); // each crosses the next four
        }
        String trace = trace(spans);
        TraceRules.Summary summary = TraceRules.check(trace);
        assertThat(summary.complete()).isEqualTo(11);
        assertThat(summary.tracks()).isEqualTo(5);
        assertThat(trace).contains("\"args\":{\"name\":\"pid1\"}").contains("\"args\":{\"name\":\"pid1 #5\"}")
                .doesNotContain("pid1 #6");
    }

    @Test
    void aThousandEventsEndingInOneMicrosecondStackNoDeeperThanTheCap() {
        List<Span> spans = new ArrayList<>();
        spans.add(new Span("udev-worker-0", SpanKind.moduleLoad, "bnx2x", 0, 5_000));
        for (int i = 0; i < 1000; i++) {
            spans.add(new Span("udev-worker-0", SpanKind.udevEvent, "0:0:" + i + ":0", 2_000, 2_000));
        }
        TraceRules.Summary summary = TraceRules.check(trace(spans));
        // 63 under the load on the first track, then 64 per track: 1 + ceil(937 / 64) = 16 tracks.
        assertThat(summary.tracks()).isEqualTo(16);
    }
}
