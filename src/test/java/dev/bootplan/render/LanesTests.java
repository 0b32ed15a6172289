package dev.bootplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.report.Span;
import dev.bootplan.report.SpanKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanesTests {

    @Test
    void lanesReadPid1DeferredAsyncThenUdevWorkersByNumber() {
        List<Span> spans = List.of("udev-worker-10", "async-10", "udev-worker-2", "deferred", "async-2", "pid1", "async-0")
                .stream().map(l -> new Span(l, SpanKind.initcall, "x", 0, 1)).toList();
        assertThat(Lanes.byLane(spans).keySet())
                .containsExactly("pid1", "deferred", "async-0", "async-2", "async-10", "udev-worker-2", "udev-worker-10");
    }

    @Test
    void nestedSpansGetDeeperBarsAndOnlyLeavesAreLabelled() {
        TimeAxis axis = new TimeAxis(1_000_000, 0, 1000);
        var bars = Lanes.bars(List.of(
                new Span("udev-worker-0", SpanKind.moduleLoad, "m", 0, 800_000),
                new Span("udev-worker-0", SpanKind.moduleInit, "m", 100_000, 700_000),
                new Span("udev-worker-0", SpanKind.syncProbe, "d", 200_000, 300_000)), axis);
        assertThat(bars).extracting(Lanes.Bar::depth).containsExactly(0, 1, 2);
        assertThat(bars).extracting(Lanes.Bar::leaf).containsExactly(false, false, true);
    }

    @Test
    void subPixelNeighboursMergeIntoOneBar() {
        TimeAxis axis = new TimeAxis(1_000_000, 0, 1000);
        var bars = Lanes.bars(List.of(
                new Span("async-0", SpanKind.asyncProbe, "a", 0, 100),
                new Span("async-0", SpanKind.asyncWork, "b", 200, 400),
                new Span("async-0", SpanKind.asyncProbe, "c", 500, 900),
                new Span("async-0", SpanKind.asyncProbe, "wide", 10_000, 20_000)), axis);
        assertThat(bars).hasSize(2);
        assertThat(bars.get(0).count()).isEqualTo(3);
        assertThat(bars.get(0).kind()).isNull();
        assertThat(bars.get(1).span().subject()).isEqualTo("wide");
    }

    @Test
    void axisUsesNiceStepsAndUnits() {
        TimeAxis axis = new TimeAxis(5_960_000, 0, 1220);
        assertThat(axis.stepUs).isEqualTo(1_000_000);
        assertThat(new TimeAxis(2_500_000, 0, 1220).stepUs).isEqualTo(500_000);
        assertThat(axis.label(3_000_000)).isEqualTo("3 s");
        assertThat(new TimeAxis(2_500_000, 0, 1220).label(1_500_000)).isEqualTo("1.5 s");
        assertThat(new TimeAxis(52_000, 0, 1220).label(20_000)).isEqualTo("20 ms");
        assertThat(TimelineSvg.fit("0000:03:00.0", 40, 6.2)).isEqualTo("0000:…");
        assertThat(TimelineSvg.fit("sd", 40, 6.2)).isEqualTo("sd");
        assertThat(TimelineSvg.fit("0000:03:00.0", 20, 6.2)).isNull();
    }
}
