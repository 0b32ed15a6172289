package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against a real Tomcat with a 1 KB body limit: the problem-details shape as a client sees it,
 * including a chunked body (no Content-Length) that only the counting stream can stop.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "bootplan.limits.max-body-size=1KB")
class FullStackProblemDetailsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> RFC_9457_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> post(String path, String contentType, BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).POST(body).build();
        return http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), BodyHandlers.ofString());
    }

    /** Every problem: problem+json, the RFC members, our type URI, the HTTP status repeated, no stack trace. */
    private JsonNode assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.propertyNames()).containsAll(RFC_9457_MEMBERS);
        assertThat(problem.path("type").asString()).isEqualTo("https://bootplan.dev/problems/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).doesNotContain("Exception");
        assertThat(response.body()).doesNotContain("\tat ", "Exception:");
        JsonNode documented = JSON.readTree(get("/v3/api-docs").body()).at("/components/schemas/Problem/properties");
        assertThat(documented.propertyNames()).as("fields of the documented Problem schema").containsAll(problem.propertyNames());
        return problem;
    }

    private static String bodyOf(int bytes) {
        return "{\"name\": \"" + "x".repeat(bytes) + "\"}";
    }

    @Test
    void declaredContentLengthOverTheLimitIs413() throws Exception {
        JsonNode problem = assertProblem(
                post("/api/v1/evaluations", "application/json", BodyPublishers.ofString(bodyOf(4096))), 413, "body-too-large");
        assertThat(problem.path("limit").asString()).isEqualTo("bootplan.limits.max-body-size");
        assertThat(problem.path("limitValue").asLong()).isEqualTo(1024);
    }

    @Test
    void chunkedBodyWithoutContentLengthOverTheLimitIs413() throws Exception {
        byte[] bytes = bodyOf(4096).getBytes(StandardCharsets.UTF_8);
        // ofInputStream has no known length, so the client sends Transfer-Encoding: chunked.
        HttpResponse<String> response = post("/api/v1/evaluations", "application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        assertThat(assertProblem(response, 413, "body-too-large").path("limitValue").asLong()).isEqualTo(1024);
    }

    @Test
    void chunkedBodyUnderTheLimitIsRead() throws Exception {
        byte[] bytes = Manifests.MINIMAL.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = post("/api/v1/evaluations", "application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void invalidManifestIs422WithEveryViolation() throws Exception {
        JsonNode problem = assertProblem(post("/api/v1/evaluations", "application/json",
                BodyPublishers.ofString(Manifests.FIVE_MISTAKES)), 422, "invalid-manifest");
        assertThat(problem.path("violations").values()).hasSize(5)
                .allSatisfy(v -> assertThat(v.propertyNames()).containsExactlyInAnyOrder("pointer", "message"));
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/evaluations");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        assertProblem(post("/api/v1/evaluations", "application/json", BodyPublishers.ofString("{\"kernel\": ")), 400, "malformed-json");
    }

    @Test
    void unknownModeIs400() throws Exception {
        JsonNode problem = assertProblem(post("/api/v1/evaluations?mode=fast", "application/json",
                BodyPublishers.ofString(Manifests.MINIMAL)), 400, "invalid-parameter");
        assertThat(problem.path("parameter").asString()).isEqualTo("mode");
    }

    @Test
    void wrongMediaTypeIs415() throws Exception {
        assertProblem(post("/api/v1/comparisons", "text/plain", BodyPublishers.ofString("hello")), 415, "unsupported-media-type");
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertProblem(get("/api/v1/evaluation"), 404, "not-found");
    }
}
