package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.engine.mode.ProbingModes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

@SpringBootTest
@AutoConfigureMockMvc
class ComparisonControllerTests {

    @Autowired
    MockMvcTester mvc;

    private MvcTestResult compare(String body) {
        return mvc.post().uri("/api/v1/comparisons").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    @Test
    void comparisonHasOneSummaryRowAndOneReportPerModeInModeOrder() throws Exception {
        MvcTestResult result = compare(Manifests.MINIMAL);
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        JsonNode comparison = EvaluationControllerTests.json(result);
        assertThat(comparison.path("summary").values().stream().map(r -> r.path("mode").asString()).toList())
                .containsExactlyElementsOf(ProbingModes.names());
        assertThat(comparison.path("reports").values()).hasSize(4);
    }

    @Test
    void invalidManifestIs422ListingEveryViolation() throws Exception {
        MvcTestResult result = compare(Manifests.FIVE_MISTAKES);
        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(EvaluationControllerTests.json(result).path("violations").values()).hasSize(5);
    }
}
