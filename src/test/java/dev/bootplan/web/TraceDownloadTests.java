package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.trace.TraceRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/** {@code ?format=trace} on the four report endpoints: a download that keeps the Trace Event Format's rules. */
@SpringBootTest
@AutoConfigureMockMvc
class TraceDownloadTests {

    private static final Path RPI4 = Path.of("src/test/resources/dmesg/rpi4-k6.18-baseline-run1.dmesg");
    private static final Path LAPTOP = Path.of("examples/laptop.json");

    @Autowired
    MockMvcTester mvc;

    private static String body(MvcTestResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static void assertDownload(MvcTestResult r, String fileName) {
        assertThat(r).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(r.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"" + fileName + "\"");
    }

    @Test
    void anEvaluationAsATraceIsADownloadWithOneProcess() throws Exception {
        MvcTestResult r = mvc.post().uri("/api/v1/evaluations?mode=async&format=trace").contentType(MediaType.APPLICATION_JSON)
                .content(Files.readAllBytes(LAPTOP)).exchange();
        assertDownload(r, "laptop-async.trace.json");
        TraceRules.Summary summary = TraceRules.check(body(r));
        assertThat(summary.processes()).isEqualTo(1);
        assertThat(summary.flows()).as("the laptop's module loads queue async probes").isPositive();
        assertThat(body(r)).contains("\"args\":{\"name\":\"laptop (async)\"}");
    }

    @Test
    void aComparisonAsATraceHasOneProcessPerMode() throws Exception {
        MvcTestResult r = mvc.post().uri("/api/v1/comparisons?format=trace").contentType(MediaType.APPLICATION_JSON)
                .content(Files.readAllBytes(LAPTOP)).exchange();
        assertDownload(r, "laptop-modes.trace.json");
        assertThat(TraceRules.check(body(r)).processes()).isEqualTo(4);
    }

    @Test
    void theJsonFormatIsTheReport() throws Exception {
        MvcTestResult r = mvc.post().uri("/api/v1/evaluations?format=json").contentType(MediaType.APPLICATION_JSON)
                .content(Manifests.MINIMAL).exchange();
        assertThat(r).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(r.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).isNull();
        assertThat(body(r)).contains("\"milestones\"").doesNotContain("traceEvents");
    }

    @Test
    void anObservedBootAsATraceFromTextOrForm() throws Exception {
        MvcTestResult text = mvc.post().uri("/api/v1/imports/dmesg?format=trace&name=rpi4").contentType(MediaType.TEXT_PLAIN)
                .content(Files.readAllBytes(RPI4)).exchange();
        assertDownload(text, "rpi4.trace.json");
        assertThat(TraceRules.check(body(text)).complete()).isEqualTo(843);
        MvcTestResult form = mvc.post().uri("/api/v1/imports/dmesg?format=trace").multipart()
                .file(new MockMultipartFile("log", "rpi4.dmesg", "text/plain", Files.readAllBytes(RPI4))).exchange();
        assertDownload(form, "rpi4.dmesg.trace.json");
        assertThat(TraceRules.check(body(form)).complete()).isEqualTo(843);
    }

    @Test
    void aCheckAsATraceShowsPredictedAndObserved() throws Exception {
        MvcTestResult imported = mvc.post().uri("/api/v1/imports/dmesg?name=rpi4").contentType(MediaType.TEXT_PLAIN)
                .content(Files.readAllBytes(RPI4)).exchange();
        String plan = JsonMapper.builder().build().readTree(body(imported)).get("plan").toString();
        MvcTestResult r = mvc.post().uri("/api/v1/imports/dmesg/checks?mode=async&format=trace").multipart()
                .file(new MockMultipartFile("manifest", "plan.json", "application/json", plan.getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("log", "rpi4.dmesg", "text/plain", Files.readAllBytes(RPI4))).exchange();
        assertDownload(r, "rpi4-vs-rpi4.dmesg.trace.json");
        assertThat(TraceRules.check(body(r)).processes()).isEqualTo(2);
        assertThat(body(r)).contains("\"args\":{\"name\":\"predicted: rpi4 (async)\"}")
                .contains("\"args\":{\"name\":\"observed: rpi4.dmesg\"}");
    }

    @Test
    void anUnknownFormatIsA400NamingTheParameterBeforeAnythingRuns() throws Exception {
        MvcTestResult r = mvc.post().uri("/api/v1/evaluations?format=perfetto").contentType(MediaType.APPLICATION_JSON)
                .content(Manifests.MINIMAL).exchange();
        assertThat(r).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(r)).contains("https://bootplan.dev/problems/invalid-parameter").contains("\"parameter\":\"format\"")
                .contains("unknown format \\\"perfetto\\\"; the formats are json, trace");
    }

    @Test
    void anInvalidManifestAskedForATraceIsStillA422Problem() throws Exception {
        MvcTestResult r = mvc.post().uri("/api/v1/evaluations?format=trace").contentType(MediaType.APPLICATION_JSON)
                .content(Manifests.FIVE_MISTAKES).exchange();
        assertThat(r).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(r.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).isNull();
        assertThat(body(r)).contains("https://bootplan.dev/problems/invalid-manifest");
    }

    @Test
    void theFormatWinsOverAPictureAcceptHeaderAndIsCheckedThereToo() throws Exception {
        MvcTestResult svgAsked = mvc.post().uri("/api/v1/imports/dmesg?format=trace").contentType(MediaType.TEXT_PLAIN)
                .accept(MediaType.valueOf("image/svg+xml")).content(Files.readAllBytes(RPI4)).exchange();
        assertDownload(svgAsked, "dmesg.trace.json");
        assertThat(TraceRules.check(body(svgAsked)).complete()).isEqualTo(843);
        MvcTestResult htmlAsked = mvc.post().uri("/api/v1/evaluations?format=trace").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_HTML).content(Manifests.MINIMAL).exchange();
        assertThat(htmlAsked).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(body(htmlAsked)).startsWith("{\"displayTimeUnit\":\"ms\"");
        MvcTestResult bogus = mvc.post().uri("/api/v1/imports/dmesg?format=svg").multipart()
                .file(new MockMultipartFile("log", "rpi4.dmesg", "text/plain", Files.readAllBytes(RPI4)))
                .accept(MediaType.valueOf("image/svg+xml")).exchange();
        assertThat(bogus).hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(bogus)).contains("\"parameter\":\"format\"");
    }
}
