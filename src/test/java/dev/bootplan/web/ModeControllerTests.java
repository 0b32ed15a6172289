package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

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
class ModeControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void listsTheFourModesInComparisonOrder() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/modes").exchange();
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        JsonNode modes = EvaluationControllerTests.json(result);
        assertThat(modes.values().stream().map(m -> m.path("name").asString()).toList())
                .containsExactly("sync", "async", "forced-sync", "debug-force-all");
        assertThat(modes.values()).allSatisfy(m -> assertThat(m.propertyNames()).contains("tells", "rule"));
    }

    @Test
    void wrongMethodIs405ProblemWithAllowHeader() throws Exception {
        MvcTestResult result = mvc.delete().uri("/api/v1/modes").exchange();
        assertThat(result).hasStatus(HttpStatus.METHOD_NOT_ALLOWED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .hasHeader("Allow", "GET");
        assertThat(EvaluationControllerTests.json(result).path("type").asString())
                .isEqualTo("https://bootplan.dev/problems/method-not-allowed");
    }

    @Test
    void unknownPathIs404Problem() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/nothing-here").exchange();
        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(EvaluationControllerTests.json(result).path("type").asString())
                .isEqualTo("https://bootplan.dev/problems/not-found");
    }
}
