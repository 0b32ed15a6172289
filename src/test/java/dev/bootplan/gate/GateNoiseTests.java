package dev.bootplan.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The noise-aware rule on repeated boots made from the shared real logs ({@link JitteredBoots}: ten baselines, seeds
 * 1–10, each boot's clock stretched by 1 + 1 %·N(0, 1)). A boot 2 % slower throughout passes within-noise (k = 3) where
 * a fixed 1 % threshold fails it; a real regression (one probe 300 or 400 ms longer, everything after it later) fails.
 * With these seeds the baselines' mean is 0.8 % above the log and σ is 0.59 % of it (QEMU: lastProbe mean 4.2345 s,
 * σ 24.8 ms), so the wobble sits 1.2 % (2.0·σ) above the mean, under mean + 3·σ (2.6 % above the log).
 */
class GateNoiseTests {

    private static final int BASELINES = 10;
    private static final double SIGMA = 0.01;

    @TempDir
    Path dir;

    private record Setup(Path wobble, Path regression, List<String> baselineArgs) {}

    private Setup setup(String log, int regressionLine, long delayUs) throws Exception {
        String text = Files.readString(Path.of(log));
        List<String> args = new ArrayList<>();
        List<String> boots = JitteredBoots.boots(text, BASELINES, 1, SIGMA);
        for (int i = 0; i < boots.size(); i++) {
            Path p = dir.resolve("baseline-" + (i + 1) + ".dmesg");
            Files.writeString(p, boots.get(i));
            args.add("--baseline");
            args.add(p.toString());
        }
        Path wobble = dir.resolve("wobble.dmesg");
        Files.writeString(wobble, JitteredBoots.stretched(text, 1.02));
        Path regression = dir.resolve("regression.dmesg");
        Files.writeString(regression, JitteredBoots.delayed(text, regressionLine, delayUs));
        return new Setup(wobble, regression, args);
    }

    private GateDriver.Run gate(Path input, String rules, List<String> baselines) throws Exception {
        Path r = dir.resolve("rules.yaml");
        Files.writeString(r, rules);
        List<String> args = new ArrayList<>(List.of(input.toString(), "--rules", r.toString()));
        args.addAll(baselines);
        return GateDriver.run(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            src/test/resources/gate/qemu-debian61-mixed-sync.dmesg  | 2155 | 300000 | lastProbe 4.28467 s ≤ 4.30893 s   | lastProbe at 4.500657 s is beyond the baselines' noise: above mean + 3·σ = 4.30893 s (mean 4.234514 s, σ 0.024805 s over 10 baselines, 10.7·σ)
            src/test/resources/dmesg/rpi4-k6.18-baseline-run1.dmesg | 867  | 400000 | lastProbe 8.504067 s ≤ 8.552216 s | rootMounted at 4.41927 s is beyond the baselines' noise: above mean + 3·σ = 4.122866 s (mean 4.051665 s, σ 0.023734 s over 10 baselines, 15.5·σ)
            """)
    void aTwoPercentWobblePassesAndARealRegressionFails(String log, int line, long delayUs, String wobbleDetail,
            String regressionDetail) throws Exception {
        Setup s = setup(log, line, delayUs);
        String noise = "rules:\n  - type: within-noise\n    k: 3\n";

        var wobble = gate(s.wobble(), noise, s.baselineArgs());
        var regression = gate(s.regression(), noise, s.baselineArgs());
        var naive = gate(s.wobble(), "rules:\n  - type: baseline\n    maxPercent: 1\n", s.baselineArgs());

        assertThat(wobble.exitCode()).as(wobble.stdout()).isZero();
        assertThat(wobble.stdout()).contains(wobbleDetail);
        assertThat(regression.exitCode()).as(regression.stdout()).isEqualTo(1);
        assertThat(regression.stdout()).contains("  " + s.regression() + ": " + regressionDetail);
        assertThat(naive.exitCode()).as("a fixed 1 % threshold fails the wobble").isEqualTo(1);
    }
}
