package dev.bootplan.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.EngineSettings;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ManifestLimits;
import dev.bootplan.manifest.ManifestNormalizer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The udev timeout rule on a driver no knob can make asynchronous. */
class TimeoutAdviceTests {

    private static final Advisor ADVISOR = new Advisor(new BootSimulator(EngineSettings.defaults()));

    /** 100 devices × 2 s of a PROBE_FORCE_SYNCHRONOUS driver in one module, systemd 257: the kill comes at 190 s. */
    private static final String TAPE_LIBRARY = """
            {"name": "tape-library", "kernel": {"version": "6.12", "cmdline": "root=/dev/nvme0n1p2 rd.udev.event_timeout=120"},
             "systemd": {"version": 257},
             "modules": [{"name": "st", "init": "100ms", "loadTime": "0ms", "drivers": ["st"]}],
             "drivers": [{"name": "st", "probeType": "force-sync"}],
             "devices": [{"name": "tape{n}", "driver": "st", "probeTime": "2s", "count": 100}]}
            """;

    @Test
    void theSmallestRoundTimeoutKeepingHalfAgainAsManyDevicesReplacesTheCommandLinesOwn() {
        var plan = new ManifestNormalizer(ManifestLimits.defaults())
                .normalize(JsonMapper.builder().build().readValue(TAPE_LIBRARY, Manifest.class));
        Advice a = ADVISOR.advise(plan, AdviceOptions.defaults(20_000_000L), () -> false);
        assertThat(a.before().bound()).isLessThan(100);
        assertThat(a.after().bound()).isEqualTo(100);
        AdviceLine line = a.lines().stream().filter(l -> "udev.event_timeout".equals(l.subject())).findFirst().orElseThrow();
        // The event takes 200.1 s; × 1.5 = 300.15 s; systemd 257 kills at T + 10 s, so T = 300 s (kill 310 s) is the
        // smallest round value; there floor((310 − 0.1) / 2) = 154 devices fit, at least 150 (100 × 1.5).
        assertThat(line.text()).isEqualTo("udev.event_timeout=300");
        assertThat(line.removes()).extracting(AdviceLine.Removal::text).containsExactly("rd.udev.event_timeout=120");
        assertThat(line.deviceLimit().driver()).isEqualTo("st");
        assertThat(line.deviceLimit().limit()).isEqualTo(154);
        assertThat(line.reason()).contains("st could then have up to 154 devices (it has 100)");
        assertThat(line.alone().bound()).isEqualTo(100);
    }
}
