package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** A simulation past the request deadline is stopped: a 503 problem naming the setting, and the service goes on. */
@SpringBootTest(properties = "bootplan.limits.request-deadline=1ms")
@AutoConfigureMockMvc
class DeadlineProblemTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void aRunPastTheDeadlineIs503DeadlineExceededNamingTheSetting() throws Exception {
        String storage = Files.readString(Path.of("examples/storage-server.json"));
        MvcTestResult result = mvc.post().uri("/api/v1/comparisons").contentType(MediaType.APPLICATION_JSON).content(storage)
                .exchange();
        assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = EvaluationControllerTests.json(result);
        assertThat(problem.path("type").asString()).endsWith("/deadline-exceeded");
        assertThat(problem.path("limit").asString()).isEqualTo("bootplan.limits.request-deadline");
        assertThat(mvc.get().uri("/api/v1/modes").exchange()).hasStatusOk();
    }
}
