package dev.bootplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example in every mode draws a well-formed SVG and a page with no script and no external reference. */
class ExamplePicturesTests {

    static Stream<String> examples() throws Exception {
        return ChromiumTests.examples();
    }

    private static void assertWellFormed(String svg) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyModeDrawsAWellFormedTimelineAndASelfContainedPage(String example) throws Exception {
        for (String mode : new String[] {"sync", "async", "forced-sync", "debug-force-all"}) {
            var report = RenderFixtures.report(RenderFixtures.example(example), mode);
            String svg = new TimelineSvg().render(report);
            assertWellFormed(svg);
            assertThat(svg).contains(mode + " mode");
            String html = new HtmlReport().render(report);
            assertThat(html).doesNotContainPattern("(?i)<script|\\s(src|href)=|url\\(|@import");
        }
        var comparison = RenderFixtures.comparison(RenderFixtures.example(example));
        assertWellFormed(new ComparisonSvg().render(comparison));
        assertThat(new HtmlReport().render(comparison)).doesNotContainPattern("(?i)<script|\\s(src|href)=|url\\(|@import");
    }
}
