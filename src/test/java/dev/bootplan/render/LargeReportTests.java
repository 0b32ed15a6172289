package dev.bootplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.report.EffectiveKnobs;
import dev.bootplan.report.Milestones;
import dev.bootplan.report.Report;
import dev.bootplan.report.Span;
import dev.bootplan.report.SpanKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** 100,000 spans on 256 async lanes render to a picture whose size is bounded by its pixels, not its spans. */
class LargeReportTests {

    static Report largeReport(int spans, int lanes) {
        SplittableRandom random = new SplittableRandom(42);
        List<Span> timeline = new ArrayList<>(spans + 2);
        timeline.add(new Span("pid1", SpanKind.initcall, "acpi_init", 0, 150_000));
        long[] cursor = new long[lanes];
        for (int i = 0; i < spans - 1; i++) {
            int lane = i % lanes;
            long start = cursor[lane] + random.nextLong(0, 2_000);
            long length = random.nextInt(100) == 0 ? random.nextLong(100_000, 800_000) : random.nextLong(50, 1_500);
            SpanKind kind = random.nextBoolean() ? SpanKind.asyncProbe : SpanKind.asyncWork;
            timeline.add(new Span("async-" + lane, kind, "dev" + i, start, start + length));
            cursor[lane] = start + length;
        }
        long end = 0;
        for (long c : cursor) {
            end = Math.max(end, c);
        }
        timeline.sort(java.util.Comparator.comparingLong(Span::startUs));
        var knobs = new EffectiveKnobs(null, null, false, List.of(), 10_000_000, "on", 0, null, false, null, 180_000_000, 60_000_000L,
                180_000_000, 24, 512);
        var milestones = new Milestones(150_000, 160_000L, null, null, end);
        return new Report("large", "async", "6.12", knobs, milestones, List.of(), List.of(), timeline, List.of(), List.of(),
                List.of(), false, spans, null);
    }

    private static int count(String text, String needle) {
        return (int) Pattern.compile(Pattern.quote(needle)).matcher(text).results().count();
    }

    @Test
    void aHundredThousandSpansMergeIntoABoundedNumberOfRects() {
        Report report = largeReport(100_000, 256);
        long t0 = System.nanoTime();
        String svg = new TimelineSvg().render(report);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        // A rough single measurement for the record, not an assertion.
        System.out.println("[rough, single run] TimelineSvg rendered 100,000 spans on 256 lanes in " + ms + " ms, "
                + svg.length() + " chars, " + count(svg, "<rect") + " rects");
        assertThat(count(svg, "<rect")).isLessThan(20_000);
        assertThat(svg).contains("sub-pixel spans merged");
        assertThat(svg.length()).isLessThan(8_000_000);
        // Thin rows, no names drawn inside spans.
        assertThat(svg).doesNotContain(">dev1</text>");
        assertThat(svg).endsWith("</svg>\n");
    }

    @Test
    void mergedAndDrawnSpansAccountForEverySpan() {
        Report report = largeReport(20_000, 16);
        String svg = new TimelineSvg().render(report);
        var merged = Pattern.compile("<title>(\\d+) spans merged").matcher(svg).results()
                .mapToInt(m -> Integer.parseInt(m.group(1))).sum();
        int single = count(svg, " on async-") - (int) Pattern.compile("<title>\\d+ spans merged").matcher(svg).results().count();
        assertThat(merged + single).isEqualTo(20_000 - 1);
    }

    @Test
    void manyLanesKeepTheImageAtASaneHeight() {
        String svg = new TimelineSvg().render(largeReport(2_000, 256));
        var height = Pattern.compile("height=\"(\\d+)\"").matcher(svg).results().findFirst().orElseThrow().group(1);
        assertThat(Integer.parseInt(height)).isBetween(256 * 4, 1_400);
    }
}
