package dev.bootplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The small plan's pictures, byte for byte. After an intended change to a renderer, rewrite the files with
 * {@code ./mvnw test -Dtest=GoldenFilesTests -Dgolden.refresh=true}, look at them, and commit the diff.
 */
class GoldenFilesTests {

    private static final Path DIR = Path.of("src/test/resources/golden");
    private static final boolean REFRESH = Boolean.getBoolean("golden.refresh");

    private static void assertGolden(String file, String actual) throws IOException {
        Path golden = DIR.resolve(file);
        if (REFRESH) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(golden)).as("%s exists (write it with -Dgolden.refresh=true)", golden).isTrue();
        assertThat(actual).as("%s (refresh with -Dgolden.refresh=true after an intended change)", golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void smallPlanTimelineSvgMatchesItsGoldenFile() throws IOException {
        assertGolden("small-plan-async.svg", new TimelineSvg().render(RenderFixtures.report(RenderFixtures.smallPlan(), "async")));
    }

    @Test
    void smallPlanSyncTimelineSvgMatchesItsGoldenFile() throws IOException {
        assertGolden("small-plan-sync.svg", new TimelineSvg().render(RenderFixtures.report(RenderFixtures.smallPlan(), "sync")));
    }

    @Test
    void smallPlanHtmlReportMatchesItsGoldenFile() throws IOException {
        assertGolden("small-plan-async.html", new HtmlReport().render(RenderFixtures.report(RenderFixtures.smallPlan(), "async")));
    }

    @Test
    void smallPlanComparisonSvgMatchesItsGoldenFile() throws IOException {
        assertGolden("small-plan-comparison.svg", new ComparisonSvg().render(RenderFixtures.comparison(RenderFixtures.smallPlan())));
    }

    @Test
    void renderingTwiceGivesTheSameBytes() {
        var report = RenderFixtures.report(RenderFixtures.example("storage-server"), "async");
        assertThat(new TimelineSvg().render(report)).isEqualTo(new TimelineSvg().render(report));
        assertThat(new HtmlReport().render(report)).isEqualTo(new HtmlReport().render(report));
    }
}
