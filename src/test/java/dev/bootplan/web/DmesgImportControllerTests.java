package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
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

    // Logs the import cannot read: each is a 422 import-failed problem whose issues say why.

    private static final Path QUOTED_PRINTABLE = Path.of("src/test/resources/ingest-hostile/rpi4-quoted-printable.dmesg");

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private MvcTestResult postText(byte[] body) {
        return mvc.post().uri("/api/v1/imports/dmesg").contentType(MediaType.TEXT_PLAIN).content(body).exchange();
    }

    private static void assertImportFailed(MvcTestResult result, String code, String text) {
        assertThat(result).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://bootplan.dev/problems/import-failed");
        assertThat(result).bodyJson().extractingPath("$.issues[?(@.severity == 'error')].text").asArray().containsExactly(text);
        assertThat(result).bodyJson().extractingPath("$.issues[?(@.severity == 'error')].code").asArray().containsExactly(code);
    }

    @Test
    void callingLinesWithoutAnyReturnAreNotABoot() {
        MvcTestResult result = postText("""
                [    0.100000] calling  foo+0x0/0x10 @ 1
                [    0.200000] calling  bar+0x0/0x10 @ 1
                """.getBytes(StandardCharsets.UTF_8));
        assertImportFailed(result, "no-initcall-returned", "dmesg:0:0: no initcall returns: 2 \"calling\" line(s) in 2"
                + " lines, and no \"initcall … returned\" line pairs with one, so no initcall has a time and there is no boot"
                + " to import");
    }

    @Test
    void aLogWhoseTimeRunsBackwardsThroughoutIsRefusedAndOneThatInterleavesIsNot() {
        assertImportFailed(postText("""
                [    0.900000] calling  foo+0x0/0x10 @ 1
                [    0.800000] initcall foo+0x0/0x10 returned 0 after 100000 usecs
                [    0.700000] calling  bar+0x0/0x10 @ 1
                [    0.600000] initcall bar+0x0/0x10 returned 0 after 100000 usecs
                """.getBytes(StandardCharsets.UTF_8)), "time-runs-backwards", "dmesg:0:0: time runs backwards throughout:"
                + " 3 of the 3 steps from one stamp to the next go back, 0 forward (printed newest first, by tac or"
                + " journalctl -r?); put the log in time order, it is not imported");
        MvcTestResult interleaved = postText("""
                [    0.500000] calling  foo+0x0/0x10 @ 1
                [    0.500090] initcall foo+0x0/0x10 returned 0 after 90 usecs
                [    0.500080] usb 1-1: new device
                [    0.500200] calling  bar+0x0/0x10 @ 1
                [    0.500300] initcall bar+0x0/0x10 returned 0 after 100 usecs
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(interleaved).hasStatusOk();
        assertThat(interleaved).bodyJson().extractingPath("$.summary.initcalls").isEqualTo(2);
    }

    @Test
    void aQuotedPrintableLogIsRefusedNamingTheEncoding() throws Exception {
        MockMultipartFile log = new MockMultipartFile("log", "pasted.dmesg", "text/plain", Files.readAllBytes(QUOTED_PRINTABLE));
        MvcTestResult result = mvc.post().uri("/api/v1/imports/dmesg").multipart().file(log).exchange();
        assertImportFailed(result, "quoted-printable", "pasted.dmesg:1:76: the input is quoted-printable, a mail transfer"
                + " encoding: this line ends in a '=' soft line break, and its first 2061 bytes hold 17 such break(s) and 6"
                + " '=3D', '=20' or '=09' escape(s); decode it first (python3 -m quopri -d), it is not imported");
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("\"pasted.dmesg\" is quoted-printable (a mail"
                + " transfer encoding); the parser's issues are listed under issues");
    }

    @Test
    void binaryInputIsRefusedAndNoneOfItIsEchoed() throws Exception {
        byte[] binary = "\u007fELF\u0002\u0001\u0001\u0000\u0000calling  \u0001\u0002\u0003 @ 1\n".getBytes(StandardCharsets.ISO_8859_1);
        MvcTestResult result = postText(binary);
        assertImportFailed(result, "binary-input", "dmesg:0:0: the input is binary, not text: its first 26 bytes hold 2 NUL"
                + " byte(s); not imported (gzip is decompressed, other compressions are not: decompress it, or send the text"
                + " itself)");
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("ELF").doesNotContain("\\u0000").doesNotContain("\\u0001");
        // the SVG and check routes read the log the same way
        MvcTestResult drawn = mvc.post().uri("/api/v1/imports/dmesg").contentType(MediaType.TEXT_PLAIN)
                .accept(MediaType.valueOf("image/svg+xml")).content(binary).exchange();
        assertThat(drawn).hasStatus(422).bodyJson().extractingPath("$.issues[0].code").isEqualTo("binary-input");
        MvcTestResult checked = mvc.post().uri("/api/v1/imports/dmesg/checks").multipart()
                .file(new MockMultipartFile("manifest", "plan.json", "application/json", MINIMAL_PLAN))
                .file(new MockMultipartFile("log", "boot.bin", "application/octet-stream", binary)).exchange();
        assertThat(checked).hasStatus(422).bodyJson().extractingPath("$.issues[0].text").asString()
                .startsWith("boot.bin:0:0: the input is binary");
    }

    @Test
    void aGzipLogIsReadAsTheLogItHolds() throws Exception {
        byte[] gz = gzip(Files.readAllBytes(RPI4));
        MvcTestResult text = mvc.post().uri("/api/v1/imports/dmesg?name=rpi4").contentType(MediaType.TEXT_PLAIN).content(gz)
                .exchange();
        assertThat(text).hasStatusOk();
        assertThat(text).bodyJson().extractingPath("$.summary.initcalls").isEqualTo(703);
        assertThat(text).bodyJson().extractingPath("$.summary.probes").isEqualTo(140);
        assertThat(text).bodyJson().extractingPath("$.observed.milestones.initStartUs").isEqualTo(3368593);
        MvcTestResult form = mvc.post().uri("/api/v1/imports/dmesg").multipart()
                .file(new MockMultipartFile("log", "rpi4.dmesg.gz", "application/gzip", gz)).exchange();
        assertThat(form).hasStatusOk();
        assertThat(form).bodyJson().extractingPath("$.summary.initcalls").isEqualTo(703);
        assertThat(form).bodyJson().extractingPath("$.issues[?(@.code == 'truncated-start')].source").asArray()
                .containsExactly("rpi4.dmesg.gz");
    }
}
