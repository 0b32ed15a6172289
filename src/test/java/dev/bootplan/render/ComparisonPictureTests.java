package dev.bootplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.report.Comparison;
import dev.bootplan.report.ModeSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison reads gains as gains and marks the bar of a mode that loses devices. */
class ComparisonPictureTests {

    /** The SVG group of one mode's band. */
    private static String band(String svg, String mode) {
        int at = svg.indexOf(">" + mode + "</text>");
        int start = svg.lastIndexOf("<g class=\"mode\">", at);
        return svg.substring(start, svg.indexOf("</g>", at));
    }

    @Test
    void theStorageServersGainsReadAsGainsAndSyncsBarSaysWhatItLost() {
        Comparison c = RenderFixtures.comparison(RenderFixtures.example("storage-server"));
        String svg = new ComparisonSvg().render(c);
        ModeSummary async = c.summary().get(1);
        assertThat(async.gainVsSyncUs()).isEqualTo(c.summary().get(0).allDevicesSettledUs() - async.allDevicesSettledUs())
                .isEqualTo(190_367_120);
        assertThat(band(svg, "async")).contains(">29.957 s · 190.367 s faster than sync</text>").doesNotContain("lost");
        assertThat(band(svg, "debug-force-all")).contains("207.334 s faster than sync");
        assertThat(band(svg, "sync")).contains(">220.324 s · the baseline</text>").contains("class=\"lost\"")
                .contains(">182 sd devices lost</text>").contains("stroke=\"" + Palette.KILL + "\"");
    }

    @Test
    void aSlowerModeReadsAsSlowerAndEveryLosingModeIsMarked() {
        Comparison c = RenderFixtures.comparison(RenderFixtures.example("embedded-arm-board"));
        List<ModeSummary> rows = new ArrayList<>(c.summary());
        ModeSummary f = rows.get(2);
        rows.set(2, new ModeSummary(f.mode(), f.initStartUs(), f.udevSettledUs(), f.allDevicesSettledUs(), -60_000, f.bound(),
                f.failed(), f.notBound(), f.killedEvents(), f.errors(), f.warnings()));
        String svg = new ComparisonSvg().render(new Comparison(c.plan(), c.kernelVersion(), rows, c.reports()));
        assertThat(band(svg, "forced-sync")).contains("60.0 ms slower than sync");
        for (String mode : new String[] {"sync", "async", "forced-sync", "debug-force-all"}) {
            assertThat(band(svg, mode)).as(mode).contains(">2 devices lost (brcmfmac 1, hci_uart_bcm 1)</text>");
        }
    }

    @Test
    void gainsAreWordedFromTheirSign() {
        assertThat(Fmt.vsSync(190_367_120)).isEqualTo("190.367 s faster than sync");
        assertThat(Fmt.vsSync(-2_000)).isEqualTo("2.0 ms slower than sync");
        assertThat(Fmt.vsSync(0)).isEqualTo("as fast as sync");
    }
}
