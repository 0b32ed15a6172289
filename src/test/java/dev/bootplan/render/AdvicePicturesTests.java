package dev.bootplan.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bootplan.advice.Advice;
import dev.bootplan.advice.AdviceOptions;
import dev.bootplan.advice.Advisor;
import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.EngineSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The advice page and picture: self-contained, escaped, the verdict and the lines to ship before anything else, and
 * (when /usr/bin/chromium exists) drawn by the browser; with {@code -Ddocs.images=true} the storage server's page goes to
 * {@code docs/img/storage-server-advice.png}.
 */
class AdvicePicturesTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path tmp;

    private static Advice advice(String json) {
        return new Advisor(new BootSimulator(EngineSettings.defaults()))
                .advise(RenderFixtures.plan(json), AdviceOptions.defaults(20_000_000L), () -> false);
    }

    @Test
    void pageLeadsWithTheVerdictAndTheLinesToShipAndLoadsNothing() {
        String html = new AdviceHtml().render(advice(RenderFixtures.example("storage-server")));
        assertThat(html).contains("default-src 'none'").doesNotContainIgnoringCase("<script")
                .doesNotContain("src=", "href=", "url(");
        int verdict = html.indexOf("class=\"verdict\"");
        int ship = html.indexOf("<pre class=\"ship\">");
        int chart = html.indexOf("<svg");
        assertThat(verdict).isPositive().isLessThan(ship);
        assertThat(ship).isLessThan(chart);
        assertThat(html.substring(ship, html.indexOf("</pre>", ship))).contains("options mpt3sas async_probe=1");
    }

    @Test
    void hostileNamesAreEscapedOnThePageAndThePicture() {
        Advice a = advice(HostileNamesTests.hostileManifest());
        for (String out : List.of(new AdviceHtml().render(a), new AdviceSvg().render(a))) {
            assertThat(out).doesNotContain("<title>pwned</title>").doesNotContainIgnoringCase("<script");
        }
    }

    @Test
    void storageServerAdvicePageDrawsInTheBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium");
        Path html = tmp.resolve("storage-server-advice.html");
        Files.writeString(html, new AdviceHtml().render(advice(RenderFixtures.example("storage-server"))), StandardCharsets.UTF_8);
        Path png = tmp.resolve("storage-server-advice.png");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "profile"), "--virtual-time-budget=5000",
                "--hide-scrollbars", "--screenshot=" + png, "--window-size=1400,1000", html.toUri().toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s");
        }
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(10_000);
        if (Boolean.getBoolean("docs.images")) {
            Files.createDirectories(Path.of("docs/img"));
            Files.copy(png, Path.of("docs/img/storage-server-advice.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
