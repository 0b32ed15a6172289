package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Whatever log comes in, the import's plan is one the evaluator accepts in every mode, with no hand edit; or the import
 * refuses the log with a 422 whose issues say why (a log that holds no boot). Every log of the repository's test
 * resources, and of the shared data folder beside the repository when it is there.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EveryLogEvaluatesTests {

    private static final List<String> MODES = List.of("sync", "async", "forced-sync", "debug-force-all");

    @Autowired
    MockMvcTester mvc;

    static Stream<Path> logs() throws IOException {
        Stream<Path> here = Files.walk(Path.of("src/test/resources"));
        Path shared = Stream.of(Path.of("../shared/data"), Path.of("../../shared/data")).filter(Files::isDirectory).findFirst()
                .orElse(null);
        Stream<Path> beside = shared == null ? Stream.empty() : Files.walk(shared);
        return Stream.concat(here, beside).filter(p -> p.getFileName().toString().contains(".dmesg")).sorted();
    }

    @ParameterizedTest
    @MethodSource("logs")
    void theImportsPlanEvaluatesInEveryMode(Path log) throws Exception {
        MvcTestResult imported = mvc.post().uri("/api/v1/imports/dmesg").contentType(MediaType.TEXT_PLAIN)
                .content(Files.readAllBytes(log)).exchange();
        JsonNode body = new ObjectMapper().readTree(imported.getResponse().getContentAsString(StandardCharsets.UTF_8));
        if (imported.getResponse().getStatus() == 422) {
            assertThat(body.get("type").asString()).isEqualTo("https://bootplan.dev/problems/import-failed");
            assertThat(body.get("issues").size()).isPositive();
            return;
        }
        assertThat(imported).hasStatusOk();
        String plan = body.get("plan").toString();
        for (String mode : MODES) {
            MvcTestResult evaluated = mvc.post().uri("/api/v1/evaluations?mode=" + mode).contentType(MediaType.APPLICATION_JSON)
                    .content(plan).exchange();
            assertThat(evaluated).as(log + " in " + mode).hasStatusOk();
        }
    }
}
