package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class DmesgImportControllerTests {

    private static final Path RPI4 = Path.of("src/test/resources/dmesg/rpi4-k6.18-baseline-run1.dmesg");

    @Autowired
    MockMvcTester mvc;

    @Test
    void aPlainTextLogGivesTheObservedBootAPlanAndItsIssues() throws Exception {
        MvcTestResult result = mvc.post().uri("/api/v1/imports/dmesg?name=rpi4").contentType(MediaType.TEXT_PLAIN)
                .content(Files.readAllBytes(RPI4)).exchange();
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.summary.initcalls").isEqualTo(703);
        assertThat(result).bodyJson().extractingPath("$.summary.probes").isEqualTo(140);
        assertThat(result).bodyJson().extractingPath("$.plan.name").isEqualTo("rpi4");
        assertThat(result).bodyJson().extractingPath("$.plan.kernel.earlyBoot").isEqualTo("51384us");
        assertThat(result).bodyJson().extractingPath("$.observed.milestones.initStartUs").isEqualTo(3368593);
        assertThat(result).bodyJson().extractingPath("$.issues[?(@.code == 'truncated-start')].text").asArray()
                .containsExactly("dmesg:1:1: the log starts at 0.051384 s, not at 0: earlier lines were lost (ring buffer"
                        + " overrun); nothing before is imported");
    }

    @Test
    void theSamePlanEvaluatesAsAManifest() throws Exception {
        MvcTestResult imported = mvc.post().uri("/api/v1/imports/dmesg").contentType(MediaType.TEXT_PLAIN)
                .content(Files.readAllBytes(RPI4)).exchange();
        String json = imported.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String plan = new tools.jackson.databind.ObjectMapper().readTree(json).get("plan").toString();
        MvcTestResult evaluated = mvc.post().uri("/api/v1/evaluations?mode=async").contentType(MediaType.APPLICATION_JSON)
                .content(plan).exchange();
        assertThat(evaluated).hasStatusOk();
        assertThat(evaluated).bodyJson().extractingPath("$.milestones.initcallsDoneUs").isEqualTo(3356960);
    }

    @Test
    void aFormUploadWithSvgAcceptDrawsTheObservedTimeline() throws Exception {
        MockMultipartFile log = new MockMultipartFile("log", "rpi4.dmesg", "text/plain", Files.readAllBytes(RPI4));
        MvcTestResult result = mvc.post().uri("/api/v1/imports/dmesg").multipart().file(log)
                .accept(MediaType.valueOf("image/svg+xml")).exchange();
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("image/svg+xml");
        String svg = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").contains("rpi4.dmesg — observed boot, kernel 6.18").contains("deferred_probe_initcall");
    }

    @Test
    void aLogWithoutInitcallsIsAnImportFailedProblemListingTheIssues() {
        MvcTestResult result = mvc.post().uri("/api/v1/imports/dmesg").contentType(MediaType.TEXT_PLAIN)
                .content("hello\nworld\n").exchange();
        assertThat(result).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://bootplan.dev/problems/import-failed");
        assertThat(result).bodyJson().extractingPath("$.issues[0].code").isEqualTo("no-initcalls");
        assertThat(result).bodyJson().extractingPath("$.issues[0].text").isEqualTo(
                "dmesg:0:0: no \"calling\"/\"initcall … returned\" line in 2 lines: boot with initcall_debug (and a log level"
                        + " that keeps KERN_DEBUG)");
    }

    @Test
    void aPredictionIsHeldAgainstTheLogPerInitcallAndMilestone() throws Exception {
        MvcTestResult imported = mvc.post().uri("/api/v1/imports/dmesg").contentType(MediaType.TEXT_PLAIN)
                .content(Files.readAllBytes(RPI4)).exchange();
        String plan = new tools.jackson.databind.ObjectMapper()
                .readTree(imported.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("plan").toString();
        MvcTestResult result = mvc.post().uri("/api/v1/imports/dmesg/checks?mode=async").multipart()
                .file(new MockMultipartFile("manifest", "plan.json", "application/json", plan.getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("log", "rpi4.dmesg", "text/plain", Files.readAllBytes(RPI4))).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.check.initcalls.compared").isEqualTo(656);
        assertThat(result).bodyJson().extractingPath("$.check.initcalls.withinOnePercent").isEqualTo(656);
        assertThat(result).bodyJson().extractingPath("$.check.milestones[0].subject").isEqualTo("initcallsDone");
        assertThat(result).bodyJson().extractingPath("$.check.milestones[0].differenceUs").isEqualTo(0);
    }

    @Test
    void aLogWithoutInitcallsAskedForAsSvgIsStillAProblemDocument() {
        MvcTestResult result = mvc.post().uri("/api/v1/imports/dmesg").contentType(MediaType.TEXT_PLAIN)
                .accept(MediaType.valueOf("image/svg+xml")).content("hello\nworld\n").exchange();
        assertThat(result).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.issues[0].code").isEqualTo("no-initcalls");
    }

    @Test
    void aManifestPartSentAsCurlSendsFilesIsReadAsJson() throws Exception {
        MvcTestResult result = mvc.post().uri("/api/v1/imports/dmesg/checks").multipart()
                .file(new MockMultipartFile("manifest", "plan.json", "application/octet-stream", MINIMAL_PLAN))
                .file(new MockMultipartFile("log", "rpi4.dmesg", "text/plain", Files.readAllBytes(RPI4))).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.check.mode").isEqualTo("async");
    }

    @Test
    void aManifestPartThatIsNotJsonIsABadRequestWithAPointer() throws Exception {
        MvcTestResult result = mvc.post().uri("/api/v1/imports/dmesg/checks").multipart()
                .file(new MockMultipartFile("manifest", "plan.json", "application/json",
                        "{\"kernel\": {\"version\": 6}}".getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("log", "rpi4.dmesg", "text/plain", Files.readAllBytes(RPI4))).exchange();
        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").asString().startsWith("https://bootplan.dev/problems/json-");
    }

    private static final byte[] MINIMAL_PLAN = """
            {"kernel": {"version": "6.18"}, "initcalls": [{"name": "a", "level": "device", "duration": "1ms"}]}
            """.getBytes(StandardCharsets.UTF_8);
}
