package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.engine.mode.ProbingModes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class EvaluationControllerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    private MvcTestResult evaluate(String query, String body) {
        return mvc.post().uri("/api/v1/evaluations" + query).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    static JsonNode json(MvcTestResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> violationPointers(JsonNode problem) {
        return problem.path("violations").values().stream().map(v -> v.path("pointer").asString()).toList();
    }

    @Test
    void validManifestGivesAReportWithTheContractsTopLevelFields() throws Exception {
        MvcTestResult result = evaluate("", Manifests.MINIMAL);
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        JsonNode report = json(result);
        assertThat(report.propertyNames())
                .contains("mode", "milestones", "devices", "modules", "timeline", "warnings", "deviceLimits");
        assertThat(report.path("mode").asString()).isEqualTo("async");
    }

    @Test
    void modeParameterChoosesTheSimulatedMode() throws Exception {
        for (String mode : ProbingModes.names()) {
            MvcTestResult result = evaluate("?mode=" + mode + "&overrideForceSync=true", Manifests.MINIMAL);
            assertThat(result).hasStatusOk();
            assertThat(json(result).path("mode").asString()).isEqualTo(mode);
        }
    }

    @Test
    void documentedRequestExampleIsAValidManifest() {
        assertThat(evaluate("", ManifestExamples.STORAGE_SERVER)).hasStatusOk();
    }

    @Test
    void manifestWithFiveMistakesGetsOne422ListingAllFive() throws Exception {
        MvcTestResult result = evaluate("", Manifests.FIVE_MISTAKES);
        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json(result);
        assertThat(problem.path("type").asString()).isEqualTo("https://bootplan.dev/problems/invalid-manifest");
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(violationPointers(problem)).containsExactlyInAnyOrder(Manifests.FIVE_MISTAKES_POINTERS);
        assertThat(problem.path("violations").values()).allSatisfy(v -> assertThat(v.path("message").asString()).isNotBlank());
    }

    @Test
    void bareNumberForATimeSpanIs400NamingTheField() throws Exception {
        MvcTestResult result = evaluate("", """
                {"kernel": {"version": "6.12"}, "drivers": [{"name": "ahci"}],
                 "devices": [{"name": "sda", "driver": "ahci", "probeTime": 5}]}
                """);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json(result);
        assertThat(problem.path("type").asString()).isEqualTo("https://bootplan.dev/problems/json-schema-mismatch");
        assertThat(violationPointers(problem)).containsExactly("/devices/0/probeTime");
        assertThat(problem.at("/violations/0/message").asString()).contains("unit");
    }

    @Test
    void misspeltFieldIs400NamingTheFieldInsteadOfBeingIgnored() throws Exception {
        MvcTestResult result = evaluate("", """
                {"kernel": {"version": "6.12"}, "devices": [{"name": "sda", "driver": "sd", "probTime": "5s"}]}
                """);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        JsonNode problem = json(result);
        assertThat(violationPointers(problem)).containsExactly("/devices/0/probTime");
        assertThat(problem.at("/violations/0/message").asString()).contains("probTime", "probeTime");
    }

    @Test
    void malformedJsonIs400WithWhereTheParserStopped() throws Exception {
        MvcTestResult result = evaluate("", "{\"kernel\": {\"version\": \"6.12\",}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json(result);
        assertThat(problem.path("type").asString()).isEqualTo("https://bootplan.dev/problems/malformed-json");
        assertThat(problem.path("detail").asString()).contains("line 1");
        assertThat(violationPointers(problem)).containsExactly("/kernel");
    }

    @Test
    void stringOverTheParserLimitIs400NamingTheField() throws Exception {
        MvcTestResult result = evaluate("", "{\"name\": \"" + "x".repeat(70_000) + "\"}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        JsonNode problem = json(result);
        assertThat(problem.path("type").asString()).isEqualTo("https://bootplan.dev/problems/json-limit-exceeded");
        assertThat(violationPointers(problem)).containsExactly("/name");
        assertThat(problem.at("/violations/0/message").asString()).contains("65536").doesNotContain("`", "getMax");
    }

    @Test
    void emptyBodyIs400() throws Exception {
        MvcTestResult result = evaluate("", "");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(result).path("type").asString()).isEqualTo("https://bootplan.dev/problems/malformed-json");
    }

    @Test
    void fractionalCountIs400NotTruncated() throws Exception {
        MvcTestResult result = evaluate("", """
                {"kernel": {"version": "6.12"}, "drivers": [{"name": "sd"}],
                 "devices": [{"name": "sda", "driver": "sd", "count": 1.5}]}
                """);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(violationPointers(json(result))).containsExactly("/devices/0/count");
    }

    @Test
    void unknownModeIs400ThatNamesTheParameterAndListsTheModes() throws Exception {
        MvcTestResult result = evaluate("?mode=turbo", Manifests.MINIMAL);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json(result);
        assertThat(problem.path("type").asString()).isEqualTo("https://bootplan.dev/problems/invalid-parameter");
        assertThat(problem.path("parameter").asString()).isEqualTo("mode");
        assertThat(problem.path("allowed").values().stream().map(JsonNode::asString).toList())
                .containsExactlyElementsOf(ProbingModes.names());
        assertThat(problem.path("detail").asString()).contains("turbo", "sync", "async", "forced-sync", "debug-force-all");
    }

    @Test
    void aModeGivenTwiceIs400SayingSo() throws Exception {
        MvcTestResult result = evaluate("?mode=sync&mode=async", Manifests.MINIMAL);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json(result);
        assertThat(problem.path("parameter").asString()).isEqualTo("mode");
        assertThat(problem.path("detail").asString()).contains("given more than once").doesNotContain("sync,async");
    }

    @Test
    void nonBooleanOverrideForceSyncIs400NamingTheParameter() throws Exception {
        MvcTestResult result = evaluate("?mode=debug-force-all&overrideForceSync=maybe", Manifests.MINIMAL);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json(result).path("parameter").asString()).isEqualTo("overrideForceSync");
    }

    @Test
    void nonJsonContentTypeIs415Problem() throws Exception {
        MvcTestResult result = mvc.post().uri("/api/v1/evaluations").contentType(MediaType.TEXT_PLAIN).content("kernel 6.12").exchange();
        assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(result).path("type").asString()).isEqualTo("https://bootplan.dev/problems/unsupported-media-type");
    }

    @Test
    void acceptingOnlyXmlIs406ProblemInJson() throws Exception {
        MvcTestResult result = mvc.post().uri("/api/v1/evaluations").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_XML).content(Manifests.MINIMAL).exchange();
        assertThat(result).hasStatus(HttpStatus.NOT_ACCEPTABLE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(result).path("type").asString()).isEqualTo("https://bootplan.dev/problems/not-acceptable");
    }

    @Test
    void documentedModesAreTheEngineModes() throws Exception {
        MvcTestResult result = mvc.get().uri("/v3/api-docs").exchange();
        JsonNode mode = json(result).at("/paths/~1api~1v1~1evaluations/post/parameters/0");
        assertThat(mode.path("name").asString()).isEqualTo("mode");
        assertThat(mode.at("/schema/enum").values().stream().map(JsonNode::asString).toList())
                .containsExactlyElementsOf(ProbingModes.names());
    }
}
