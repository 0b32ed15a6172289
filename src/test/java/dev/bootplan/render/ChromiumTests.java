package dev.bootplan.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the pictures in headless Chromium: hostile names run no script, and every example draws. Skipped when
 * {@code /usr/bin/chromium} is absent. With {@code -Ddocs.images=true} the examples' screenshots are copied to
 * {@code docs/img/} ({@code ./mvnw test -Dtest=ChromiumTests -Ddocs.images=true}).
 */
class ChromiumTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium; skipping the browser checks");
    }

    private String chromium(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "profile");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=5000"));
        cmd.addAll(List.of(args));
        Path stdout = tmp.resolve("stdout-" + System.nanoTime());
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s");
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    @Test
    void hostileNamesRunNoScriptInTheBrowser() throws Exception {
        var report = RenderFixtures.report(HostileNamesTests.hostileManifest(), "async");
        Path html = tmp.resolve("hostile.html");
        Files.writeString(html, new HtmlReport().render(report), StandardCharsets.UTF_8);
        Path svg = tmp.resolve("hostile.svg");
        Files.writeString(svg, new TimelineSvg().render(report), StandardCharsets.UTF_8);
        for (Path file : List.of(html, svg)) {
            String dom = chromium("--dump-dom", file.toUri().toString());
            assertThat(dom).as("DOM of %s", file.getFileName()).contains("svg").doesNotContain("<title>pwned</title>")
                    .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<script");
        }
    }

    static Stream<String> examples() throws IOException {
        try (var files = Files.list(Path.of("examples"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted(Comparator.naturalOrder()).toList().stream();
        }
    }

    @Test
    void everyExampleChartDrawsInTheBrowser() throws Exception {
        for (String name : examples().toList()) {
            screenshot(name + "-async", new TimelineSvg().render(RenderFixtures.report(RenderFixtures.example(name), "async")));
        }
        // A what-if where CPU contention shows: the QEMU boot with every module loaded with async_probe.
        String whatIf = RenderFixtures.example("qemu-debian61-mixed").replace("\"cmdline\": \"", "\"cmdline\": \"module.async_probe=1 ");
        screenshot("qemu-debian61-mixed-module-async", new TimelineSvg().render(RenderFixtures.report(whatIf, "async")));
    }

    /** Screenshots an SVG in the browser; with -Ddocs.images=true the picture goes to docs/img/. */
    private void screenshot(String name, String svgText) throws Exception {
        int height = Integer.parseInt(Pattern.compile("height=\"(\\d+)\"").matcher(svgText).results().findFirst()
                .orElseThrow().group(1));
        Path svg = tmp.resolve(name + ".svg");
        Files.writeString(svg, svgText, StandardCharsets.UTF_8);
        Path png = tmp.resolve(name + ".png");
        chromium("--hide-scrollbars", "--screenshot=" + png, "--window-size=" + TimelineSvg.WIDTH + "," + height,
                svg.toUri().toString());
        assertThat(png).exists();
        assertThat(Files.size(png)).as("a screenshot with something drawn").isGreaterThan(10_000);
        if (Boolean.getBoolean("docs.images")) {
            Files.createDirectories(Path.of("docs/img"));
            Files.copy(png, Path.of("docs/img", png.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
