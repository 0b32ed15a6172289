package dev.bootplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.report.Span;
import dev.bootplan.report.SpanKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which lanes share a row: udev workers that only waited on the same module load over the same times. */
class LaneRowsTests {

    private static Span wait(String lane, String module, long from, long to) {
        return new Span(lane, SpanKind.moduleWait, module, from, to);
    }

    private static Span event(String lane, String device, long from, long to) {
        return new Span(lane, SpanKind.udevEvent, device, from, to);
    }

    private static List<LaneRows.Row> rows(List<Span> spans) {
        return LaneRows.of(Lanes.byLane(spans));
    }

    @Test
    void theStorageServerInSyncModeDrawsItsSeventyFourIdleWorkersAsOneRow() {
        var report = RenderFixtures.report(RenderFixtures.example("storage-server"), "sync");
        var lanes = Lanes.byLane(report.timeline());
        List<LaneRows.Row> rows = LaneRows.of(lanes);
        assertThat(lanes).hasSize(81);
        assertThat(rows).extracting(LaneRows.Row::label).containsExactly("pid1", "udev-worker-0", "udev-worker-1",
                "udev-worker-2", "udev-worker-3", "udev-worker-4", "udev-worker-5", "74 udev workers");
        LaneRows.Row idle = rows.getLast();
        assertThat(idle.summary()).isEqualTo("74 udev workers waiting for sd_mod");
        assertThat(idle.members()).first().isEqualTo("udev-worker-6");
        assertThat(idle.members()).last().isEqualTo("udev-worker-79");
        // Workers 1, 3, 4 and 5 also wait for sd_mod, but first for mpt3sas or nvme: they keep their rows.
        assertThat(rows.get(3).spans()).extracting(Span::subject).contains("nvme", "sd_mod");
        assertThat(new TimelineSvg().render(report)).contains(">74 udev workers waiting for sd_mod</text>")
                .contains(">74 udev workers</text>");
    }

    @Test
    void everyStorageServerModeCollapsesTheSameSeventyFour() {
        for (String mode : new String[] {"async", "forced-sync", "debug-force-all"}) {
            var rows = LaneRows.of(Lanes.byLane(RenderFixtures.report(RenderFixtures.example("storage-server"), mode).timeline()));
            assertThat(rows.stream().filter(LaneRows.Row::collapsed)).as(mode).singleElement()
                    .extracting(LaneRows.Row::summary).isEqualTo("74 udev workers waiting for sd_mod");
        }
    }

    @Test
    void workersWaitingForTheSameLoadOverTheSameTimesShareARowWhereTheFirstWas() {
        List<Span> spans = new ArrayList<>();
        spans.add(new Span("pid1", SpanKind.initcall, "x", 0, 10));
        spans.add(new Span("udev-worker-0", SpanKind.moduleLoad, "sd_mod", 10, 100));
        for (int w = 1; w <= 5; w++) {
            spans.add(event("udev-worker-" + w, "disk" + w, 10, 100));
            spans.add(wait("udev-worker-" + w, "sd_mod", 10, 100));
        }
        spans.add(new Span("udev-worker-6", SpanKind.moduleLoad, "e1000e", 10, 20));
        var rows = rows(spans);
        assertThat(rows).extracting(LaneRows.Row::label).containsExactly("pid1", "udev-worker-0", "5 udev workers", "udev-worker-6");
        assertThat(rows.get(2).lanes()).isEqualTo(5);
        assertThat(rows.get(2).spans()).extracting(Span::lane).containsOnly("udev-worker-1");
    }

    @Test
    void aWorkerThatDidAnythingElseOrWaitedOtherwiseKeepsItsRow() {
        List<Span> spans = new ArrayList<>();
        // Two alike: collapse.
        for (int w = 0; w < 2; w++) {
            spans.add(event("udev-worker-" + w, "d" + w, 10, 100));
            spans.add(wait("udev-worker-" + w, "sd_mod", 10, 100));
        }
        // The same module, other times.
        spans.add(event("udev-worker-2", "d2", 20, 100));
        spans.add(wait("udev-worker-2", "sd_mod", 20, 100));
        // An event longer than its wait: the worker did more than wait.
        spans.add(event("udev-worker-3", "d3", 10, 120));
        spans.add(wait("udev-worker-3", "sd_mod", 10, 100));
        // Waited on two modules.
        spans.add(wait("udev-worker-4", "nvme", 0, 10));
        spans.add(wait("udev-worker-4", "sd_mod", 10, 100));
        // Waited, then probed.
        spans.add(wait("udev-worker-5", "sd_mod", 10, 100));
        spans.add(new Span("udev-worker-5", SpanKind.syncProbe, "d5", 100, 110));
        // Not a udev worker.
        spans.add(wait("systemd-modules-load", "sd_mod", 10, 100));
        spans.add(wait("modprobe", "sd_mod", 10, 100));
        var rows = rows(spans);
        assertThat(rows).extracting(LaneRows.Row::label).containsExactly("2 udev workers", "udev-worker-2", "udev-worker-3",
                "udev-worker-4", "udev-worker-5", "modprobe", "systemd-modules-load");
        assertThat(rows.stream().filter(LaneRows.Row::collapsed).count()).isEqualTo(1);
    }

    @Test
    void aLoneIdleWorkerIsNotCollapsed() {
        var rows = rows(List.of(event("udev-worker-0", "d", 10, 100), wait("udev-worker-0", "sd_mod", 10, 100)));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.collapsed()).isFalse();
            assertThat(r.label()).isEqualTo("udev-worker-0");
        });
    }
}
