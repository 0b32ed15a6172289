package dev.bootplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.report.Finding;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.Severity;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict a report page opens with, from the report's own figures. */
class HeadlineTests {

    private static Headline headline(String example, String mode) {
        return Headline.of(RenderFixtures.report(RenderFixtures.example(example), mode));
    }

    @Test
    void theStorageServerInSyncModeLeadsWithTheLostDisksAndTheKill() {
        Headline h = headline("storage-server", "sync");
        assertThat(h.verdict()).isEqualTo("182 of 313 devices lost; every device settled at 220.324 s in sync mode");
        assertThat(h.figures()).extracting(Headline.Figure::value)
                .containsExactly("131 of 313 bound", "220.324 s", "UDEV_EVENT_KILLED · sd_mod");
        assertThat(h.figures().get(0).lines()).containsExactly("182 sd devices lost");
        assertThat(h.figures().get(1).lines()).containsExactly("root mounted at 216.802 s");
        assertThat(h.figures().get(2).label()).isEqualTo("Worst finding (2 error(s), 0 warning(s))");
        assertThat(h.figures().get(2).lines().getLast()).startsWith("Remedy: Load sd_mod with async_probe");
        assertThat(h.figures()).extracting(Headline.Figure::tone)
                .containsExactly(Headline.Tone.bad, Headline.Tone.neutral, Headline.Tone.bad);
    }

    @Test
    void theStorageServerInAsyncModeBindsEveryDisk() {
        Headline h = headline("storage-server", "async");
        assertThat(h.verdict()).isEqualTo("All 313 devices bound; every device settled at 29.957 s in async mode");
        assertThat(h.figures()).extracting(Headline.Figure::value)
                .containsExactly("313 of 313 bound", "29.957 s", "PREFER_ASYNC_BLOCKS_LOAD · nvme");
        assertThat(h.figures().get(0).tone()).isEqualTo(Headline.Tone.good);
    }

    @Test
    void theLaptopAndTheBoardLeadWithTheirMissingFirmware() {
        Headline laptop = headline("laptop", "async");
        assertThat(laptop.verdict()).isEqualTo("1 of 12 devices lost; every device settled at 1.791 s in async mode");
        assertThat(laptop.figures().get(0).lines()).containsExactly("1 iwlwifi device lost");
        assertThat(laptop.figures().get(2).value()).isEqualTo("FIRMWARE_UNAVAILABLE · iwlwifi");
        Headline board = headline("embedded-arm-board", "async");
        assertThat(board.verdict()).isEqualTo("2 of 13 devices lost; every device settled at 307.0 ms in async mode");
        assertThat(board.figures().get(0).lines()).containsExactly("2 devices lost (brcmfmac 1, hci_uart_bcm 1)");
        assertThat(board.figures().get(2).value()).isEqualTo("FIRMWARE_UNAVAILABLE · hci_uart_bcm");
    }

    @Test
    void aPredictionWithUnknownCpuSharesStatesItsBounds() {
        Headline h = headline("qemu-debian61-mixed", "async");
        assertThat(h.verdict()).isEqualTo("All 35 devices bound; every device settled at 4.203 s in async mode"
                + " (between 4.203 s and 4.273 s while 41 CPU share(s) are unknown)");
        assertThat(h.figures().get(1).lines()).containsExactly("root mounted at 1.823 s",
                "between 4.203 s and 4.273 s while 41 CPU share(s) are unknown");
    }

    @Test
    void theWorstFindingIsTheHighestSeverityThenWhatHappenedThenTheEarliest() {
        Finding planWideError = new Finding(FindingCode.DEVICE_LIMIT_EXCEEDED, Severity.error, "sd", null, "m", "r");
        Finding lateError = new Finding(FindingCode.UDEV_EVENT_KILLED, Severity.error, "sd_mod", 200L, "m", "r");
        Finding earlyError = new Finding(FindingCode.FIRMWARE_UNAVAILABLE, Severity.error, "fw", 100L, "m", "r");
        Finding earlyWarning = new Finding(FindingCode.UDEV_EVENT_SLOW, Severity.warning, "x", 1L, "m", "r");
        assertThat(Headline.worst(List.of(earlyWarning, planWideError, lateError, earlyError))).contains(earlyError);
        assertThat(Headline.worst(List.of(planWideError, lateError))).contains(lateError);
        assertThat(Headline.worst(List.of(earlyWarning, planWideError))).contains(planWideError);
        assertThat(Headline.worst(List.of())).isEmpty();
    }

    @Test
    void theComparisonVerdictNamesTheBestUntaintedModeAndItsGain() {
        Headline h = Headline.of(RenderFixtures.comparison(RenderFixtures.example("storage-server")));
        // debug-force-all settles first (12.991 s) but taints the kernel, so async is the verdict.
        assertThat(h.verdict()).isEqualTo("Best: async — all 313 devices bound, settled at 29.957 s, 190.367 s faster than sync");
        assertThat(h.figures()).extracting(Headline.Figure::label).containsExactly("sync", "async", "forced-sync", "debug-force-all");
        assertThat(h.figures().get(0).lines()).containsExactly("the baseline", "182 sd devices lost");
        assertThat(h.figures().get(3).lines()).containsExactly("207.334 s faster than sync", "all 313 devices bound", "taints the kernel");
    }

    @Test
    void aHeadlineOfAnyFiguresWritesEscapedCards() throws Exception {
        var h = new Headline("<b>ok</b>", Headline.Tone.good,
                List.of(new Headline.Figure("Lines", "3", List.of("a & b"), Headline.Tone.neutral)));
        StringWriter w = new StringWriter();
        h.write(w);
        assertThat(w.toString()).startsWith("<section class=\"headline\" id=\"verdict\">")
                .contains("&lt;b&gt;ok&lt;/b&gt;").contains("a &amp; b").doesNotContain("<b>");
    }

    @Test
    void thePageOpensWithTheVerdictThenTheFindingsThenTheChart() {
        String html = new HtmlReport().render(RenderFixtures.report(RenderFixtures.example("storage-server"), "sync"));
        int verdict = html.indexOf("<section class=\"headline\"");
        int findings = html.indexOf("<h2>Findings</h2>");
        int chart = html.indexOf("<h2>Timeline</h2>");
        int details = html.indexOf("<h2>Details</h2>");
        assertThat(verdict).isPositive().isLessThan(findings);
        assertThat(findings).isLessThan(chart);
        assertThat(chart).isLessThan(details);
        // Errors before information, each with its remedy.
        String table = html.substring(findings, chart);
        assertThat(table.indexOf("UDEV_EVENT_KILLED")).isLessThan(table.indexOf("UDEV_WORKERS_SATURATED"));
        assertThat(table).contains("Load sd_mod with async_probe, raise udev.event_timeout=, or make its probes faster.");
    }

    @Test
    void theTimelineHasItsTimeAxisAboveTheLanesAsWellAsBelow() {
        String svg = new TimelineSvg().render(RenderFixtures.report(RenderFixtures.example("storage-server"), "sync"));
        assertThat(svg).contains("<g class=\"axis top\">");
        String top = svg.substring(svg.indexOf("<g class=\"axis top\">"), svg.indexOf("</g>", svg.indexOf("<g class=\"axis top\">")));
        assertThat(top).contains(">0 s</text>").contains(">100 s</text>").contains(">250 s</text>");
        assertThat(svg.indexOf("<g class=\"axis top\">")).isLessThan(svg.indexOf("<g class=\"lanes\">"));
    }
}
