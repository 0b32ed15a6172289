package dev.bootplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.report.Report;
import org.junit.jupiter.api.Test;

/** A span slowed by others shows it: shaded at its end, its tooltip saying how long it waited for a CPU. */
class ContentionPictureTests {

    @Test
    void aProbeSlowedByOthersIsShadedAndSaysHowLongItWaited() {
        String whatIf = RenderFixtures.example("qemu-debian61-mixed").replace("\"cmdline\": \"", "\"cmdline\": \"module.async_probe=1 ");
        Report r = RenderFixtures.report(whatIf, "async");
        var e1000 = r.timeline().stream().filter(s -> s.subject().equals("0000:00:08.0")).findFirst().orElseThrow();
        assertThat(e1000.contendedUs()).isPositive();
        String svg = new TimelineSvg().render(r);
        assertThat(svg).contains("fill=\"#263238\" fill-opacity=\"0.35\" pointer-events=\"none\"")
                .contains("waiting for a CPU (beyond its own time)")
                .contains("0000:00:08.0 — asyncProbe on " + e1000.lane())
                .contains("of which " + Fmt.time(e1000.contendedUs()) + " waiting for a CPU");
    }

    @Test
    void withoutContentionNothingIsShaded() {
        String svg = new TimelineSvg().render(RenderFixtures.report(RenderFixtures.smallPlan(), "async"));
        assertThat(svg).doesNotContain("#263238").doesNotContain("waiting for a CPU");
    }
}
