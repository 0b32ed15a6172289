package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import dev.bootplan.engine.WorkBudgetExceededException;
import dev.bootplan.service.EvaluationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** Failures the placeholder engine cannot produce yet, provoked through a mocked service. */
@SpringBootTest
@AutoConfigureMockMvc
class ProblemDetailsAdviceTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    EvaluationService evaluations;

    private MvcTestResult evaluate() {
        return mvc.post().uri("/api/v1/evaluations").contentType(MediaType.APPLICATION_JSON).content(Manifests.MINIMAL).exchange();
    }

    @Test
    void workBudgetExceededIs422NamingTheLimit() throws Exception {
        given(evaluations.evaluate(any(), any())).willThrow(new WorkBudgetExceededException(1000, "deferred-probe retries"));
        MvcTestResult result = evaluate();
        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = EvaluationControllerTests.json(result);
        assertThat(problem.path("type").asString()).isEqualTo("https://bootplan.dev/problems/work-budget-exceeded");
        assertThat(problem.path("limit").asString()).isEqualTo("bootplan.limits.max-events");
        assertThat(problem.path("limitValue").asLong()).isEqualTo(1000);
        assertThat(problem.path("detail").asString()).contains("1000");
    }

    @Test
    void serverBugIs500ProblemWithoutExceptionDetails() throws Exception {
        given(evaluations.evaluate(any(), any())).willThrow(new IllegalStateException("secret internal state at Foo.java:42"));
        MvcTestResult result = evaluate();
        assertThat(result).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = EvaluationControllerTests.json(result);
        assertThat(problem.path("type").asString()).isEqualTo("https://bootplan.dev/problems/internal");
        assertThat(problem.path("title").asString()).isEqualTo("Internal server error");
        String body = result.getResponse().getContentAsString();
        assertThat(body).doesNotContain("secret", "IllegalStateException", "Foo.java", "\tat ");
    }
}
