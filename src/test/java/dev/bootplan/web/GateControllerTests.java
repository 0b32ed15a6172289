package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@SpringBootTest
@AutoConfigureMockMvc
class GateControllerTests {

    private static final Path PLAN = Path.of("examples/storage-server.json");
    private static final Path RULES = Path.of("examples/ci/rules.yaml");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    private String body(String mode, String rules) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.set("manifest", JSON.readTree(PLAN.toFile()));
        body.put("rules", rules);
        body.put("mode", mode);
        return body.toString();
    }

    @Test
    void aFailedGateIsStillA200WithPassedFalseAndTheLostDisks() throws Exception {
        MvcTestResult r = mvc.post().uri("/api/v1/gates").contentType(MediaType.APPLICATION_JSON)
                .content(body("sync", Files.readString(RULES))).exchange();

        assertThat(r).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(r).bodyJson().extractingPath("$.passed").isEqualTo(false);
        assertThat(r).bodyJson().extractingPath("$.kind").isEqualTo("manifest");
        assertThat(r).bodyJson().extractingPath("$.mode").isEqualTo("sync");
        assertThat(r).bodyJson().extractingPath("$.results[0].type").isEqualTo("no-device-lost");
        assertThat(r).bodyJson().extractingPath("$.results[0].message").isEqualTo("182 device(s) lost");
        assertThat(r).bodyJson().extractingPath("$.results[0].breaches.length()").isEqualTo(182);
        assertThat(r).bodyJson().extractingPath("$.results[0].breaches[0].subject").isEqualTo("0:0:118:0");
        assertThat(r).bodyJson().extractingPath("$.results[0].breaches[0].pointer").isEqualTo("/devices/3");
    }

    @Test
    void asyncPasses() throws Exception {
        MvcTestResult r = mvc.post().uri("/api/v1/gates").contentType(MediaType.APPLICATION_JSON)
                .content(body("async", Files.readString(RULES))).exchange();

        assertThat(r).hasStatusOk();
        assertThat(r).bodyJson().extractingPath("$.passed").isEqualTo(true);
    }

    @Test
    void aFormWithFilesGivesTheVerdictWithTheManifestsLines() throws Exception {
        MvcTestResult r = mvc.post().uri("/api/v1/gates?mode=sync").multipart()
                .file(new MockMultipartFile("manifest", "storage-server.json", "application/json", Files.readAllBytes(PLAN)))
                .file(new MockMultipartFile("rules", "rules.yaml", "application/yaml", Files.readAllBytes(RULES)))
                .exchange();

        assertThat(r).hasStatusOk();
        assertThat(r).bodyJson().extractingPath("$.input").isEqualTo("storage-server.json");
        assertThat(r).bodyJson().extractingPath("$.results[0].breaches[0].line").isEqualTo(49);
        assertThat(r).bodyJson().extractingPath("$.results[0].breaches[0].column").isEqualTo(5);
    }

    @Test
    void unreadableRulesAreA422NamingLineAndColumn() throws Exception {
        MvcTestResult r = mvc.post().uri("/api/v1/gates").contentType(MediaType.APPLICATION_JSON)
                .content(body("sync", "rules:\n  - type: milestone\n    milestone: rootMounted\n    noLaterThen: 30s\n")).exchange();

        assertThat(r).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(r).bodyJson().extractingPath("$.type").isEqualTo("https://bootplan.dev/problems/invalid-gate-rules");
        assertThat(r).bodyJson().extractingPath("$.detail").isEqualTo(
                "rules:4:5: /rules/0/noLaterThen: unknown key \"noLaterThen\"; known keys: milestone, name, noLaterThan");
        assertThat(r).bodyJson().extractingPath("$.problems[0].line").isEqualTo(4);
        assertThat(r).bodyJson().extractingPath("$.problems[0].column").isEqualTo(5);
        assertThat(r).bodyJson().extractingPath("$.part").isEqualTo("rules");
    }

    @Test
    void anUnreadableManifestIsA422NamingItsPlace() throws Exception {
        MvcTestResult r = mvc.post().uri("/api/v1/gates").multipart()
                .file(new MockMultipartFile("manifest", "cut.json", "application/json", "{\"kernel\": {\"version\": ".getBytes()))
                .file(new MockMultipartFile("rules", "rules.yaml", "application/yaml", Files.readAllBytes(RULES)))
                .exchange();

        assertThat(r).hasStatus(422);
        assertThat(r).bodyJson().extractingPath("$.type").isEqualTo("https://bootplan.dev/problems/invalid-gate-input");
        assertThat(r).bodyJson().extractingPath("$.problems[0].source").isEqualTo("cut.json");
        assertThat(r).bodyJson().extractingPath("$.problems[0].line").isEqualTo(1);
    }

    @Test
    void anUnknownModeIsA400AndManifestAndReportTogetherToo() throws Exception {
        assertThat(mvc.post().uri("/api/v1/gates").contentType(MediaType.APPLICATION_JSON)
                .content(body("fast", Files.readString(RULES))).exchange()).hasStatus(400);
        ObjectNode both = (ObjectNode) JSON.readTree(body("sync", Files.readString(RULES)));
        both.set("report", JSON.createObjectNode());
        assertThat(mvc.post().uri("/api/v1/gates").contentType(MediaType.APPLICATION_JSON).content(both.toString())
                .exchange()).hasStatus(400);
    }
}
