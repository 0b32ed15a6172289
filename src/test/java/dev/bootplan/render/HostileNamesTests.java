package dev.bootplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.json.JsonMapper;

/** Names a client controls end up as text, never as markup. */
class HostileNamesTests {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String SVG_ONLOAD = "\"><svg onload=alert(1)>";
    static final String IMG_ONERROR = "<img src=x onerror=\"document.title='pwned'\">";
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");

    /** A valid manifest whose module, driver and device names are payloads. */
    static String hostileManifest() {
        Map<String, Object> manifest = Map.of(
                "name", "plan " + IMG_ONERROR,
                "kernel", Map.of("version", "6.12", "modulesEnabled", true),
                "modules", List.of(Map.of("name", SCRIPT, "init", "2ms", "drivers", List.of(SVG_ONLOAD))),
                "drivers", List.of(Map.of("name", SVG_ONLOAD, "probeType", "default"),
                        Map.of("name", "drv" + IMG_ONERROR, "probeType", "prefer-async")),
                "initcalls", List.of(Map.of("name", "init" + IMG_ONERROR, "level", "device", "duration", "5ms",
                        "drivers", List.of("drv" + IMG_ONERROR))),
                "devices", List.of(
                        Map.of("name", IMG_ONERROR, "driver", SVG_ONLOAD, "probeTime", "300ms"),
                        Map.of("name", SVG_ONLOAD, "driver", "drv" + IMG_ONERROR, "probeTime", "200ms")));
        return JsonMapper.builder().build().writeValueAsString(manifest);
    }

    private static void assertEscapedAndNoInjectedMarkup(String out) {
        assertThat(out).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&quot;&gt;&lt;svg onload=alert(1)&gt;")
                .contains("&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;");
        assertNoInjectedMarkup(out);
    }

    private static void assertNoInjectedMarkup(String out) {
        assertThat(out).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img");
        Matcher tags = TAG.matcher(out);
        while (tags.find()) {
            assertThat(tags.group()).as("a real tag").doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
            if (tags.group().startsWith("<svg")) {
                assertThat(tags.group()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
            }
        }
    }

    @Test
    void timelineSvgShowsHostileNamesAsEscapedText() throws Exception {
        for (String mode : List.of("sync", "async")) {
            String svg = new TimelineSvg().render(RenderFixtures.report(hostileManifest(), mode));
            assertEscapedAndNoInjectedMarkup(svg);
            // And it is well-formed XML with no script element or event-handler attribute anywhere.
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            NodeList all = doc.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                assertThat(e.getTagName()).isNotIn("script", "img", "foreignObject");
                for (int a = 0; a < e.getAttributes().getLength(); a++) {
                    assertThat(e.getAttributes().item(a).getNodeName()).doesNotStartWithIgnoringCase("on");
                }
            }
            assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(1);
        }
    }

    @Test
    void htmlReportShowsHostileNamesAsEscapedText() {
        String html = new HtmlReport().render(RenderFixtures.report(hostileManifest(), "async"));
        assertEscapedAndNoInjectedMarkup(html);
        assertThat(html).contains("<title>plan &lt;img src=x onerror=");
    }

    @Test
    void comparisonPicturesShowHostileNamesAsEscapedText() {
        var comparison = RenderFixtures.comparison(hostileManifest());
        String svg = new ComparisonSvg().render(comparison);
        assertThat(svg).doesNotContainIgnoringCase("<img").contains("plan &lt;img src=x onerror=");
        assertNoInjectedMarkup(new HtmlReport().render(comparison));
    }
}
