package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The same endpoints answer with pictures when asked for them; errors stay problem+json. */
@SpringBootTest
@AutoConfigureMockMvc
class PictureNegotiationTests {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    @Autowired
    MockMvcTester mvc;

    private MvcTestResult post(String path, String accept, String body) {
        var request = mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(body);
        if (accept != null) {
            request = request.header(HttpHeaders.ACCEPT, accept);
        }
        return request.exchange();
    }

    private static String body(MvcTestResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void evaluationAsSvgIsTheTimeline() throws Exception {
        MvcTestResult r = post("/api/v1/evaluations?mode=sync", "image/svg+xml", Manifests.MINIMAL);
        assertThat(r).hasStatusOk().hasContentTypeCompatibleWith(SVG);
        assertThat(r.getResponse().getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(body(r)).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("sync mode").endsWith("</svg>\n");
    }

    @Test
    void evaluationAsHtmlIsASelfContainedPage() throws Exception {
        MvcTestResult r = post("/api/v1/evaluations", "text/html", Manifests.MINIMAL);
        assertThat(r).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(body(r)).startsWith("<!DOCTYPE html>").contains("<svg xmlns=").doesNotContain("<script")
                .doesNotContainPattern("(?i)\\s(src|href)=").contains("@media print");
    }

    @Test
    void aBrowsersAcceptHeaderGetsHtml() {
        MvcTestResult r = post("/api/v1/evaluations", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                Manifests.MINIMAL);
        assertThat(r).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void noAcceptHeaderOrAnyTypeStillGetsJson() {
        assertThat(post("/api/v1/evaluations", null, Manifests.MINIMAL)).hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(post("/api/v1/evaluations", "*/*", Manifests.MINIMAL)).hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(post("/api/v1/comparisons", "*/*", Manifests.MINIMAL)).hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }

    @Test
    void invalidManifestAskedForAPictureIsStillA422Problem() throws Exception {
        for (String accept : new String[] {"image/svg+xml", "text/html"}) {
            for (String path : new String[] {"/api/v1/evaluations", "/api/v1/comparisons"}) {
                MvcTestResult r = post(path, accept, Manifests.FIVE_MISTAKES);
                assertThat(r).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(body(r)).contains("https://bootplan.dev/problems/invalid-manifest").contains("/devices/0/driver");
            }
        }
    }

    @Test
    void badModeAskedForSvgIsStillAProblem() throws Exception {
        MvcTestResult r = post("/api/v1/evaluations?mode=turbo", "image/svg+xml", Manifests.MINIMAL);
        assertThat(r).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void comparisonAsSvgAndHtml() throws Exception {
        MvcTestResult svg = post("/api/v1/comparisons", "image/svg+xml", Manifests.MINIMAL);
        assertThat(svg).hasStatusOk().hasContentTypeCompatibleWith(SVG);
        assertThat(body(svg)).startsWith("<svg").contains(">debug-force-all</text>").contains("baseline");
        MvcTestResult html = post("/api/v1/comparisons", "text/html", Manifests.MINIMAL);
        assertThat(html).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(body(html)).startsWith("<!DOCTYPE html>").contains("four probing modes").contains("<svg xmlns=");
    }

    @Test
    void anUnsupportedMediaTypeIsStillA406Problem() {
        assertThat(post("/api/v1/evaluations", "application/pdf", Manifests.MINIMAL)).hasStatus(HttpStatus.NOT_ACCEPTABLE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
