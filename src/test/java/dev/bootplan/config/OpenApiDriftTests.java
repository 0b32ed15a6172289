package dev.bootplan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.yaml.snakeyaml.Yaml;

/**
 * openapi/openapi.yaml is the API's reviewed contract: the served spec must equal it byte for byte
 * (line endings aside), so every API change shows up as a diff of that file in review.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDriftTests {

    static final Path COMMITTED = Path.of("openapi", "openapi.yaml");
    static final String REFRESH = "./mvnw test -Dtest=OpenApiDriftTests -Dopenapi.refresh=true";

    @Autowired
    MockMvcTester mvc;

    private String served() throws IOException {
        MvcTestResult result = mvc.get().uri("/v3/api-docs.yaml").exchange();
        assertThat(result).hasStatusOk();
        return normalize(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String normalize(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    @Test
    void servedSpecEqualsTheCommittedFile() throws IOException {
        String served = served();
        if (Boolean.getBoolean("openapi.refresh")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(COMMITTED)) {
            fail(COMMITTED + " is missing. Create it with:\n    " + REFRESH);
        }
        String committed = normalize(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        if (!committed.equals(served)) {
            fail(COMMITTED + " differs from the served /v3/api-docs.yaml " + firstDifference(committed, served)
                    + "\nIf the API change is intended, refresh the file and commit it:\n    " + REFRESH);
        }
    }

    private static String firstDifference(String committed, String served) {
        List<String> a = committed.lines().toList();
        List<String> b = served.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String left = i < a.size() ? a.get(i) : "<end of file>";
            String right = i < b.size() ? b.get(i) : "<end of file>";
            if (!left.equals(right)) {
                return "at line " + (i + 1) + ":\n  committed: " + left + "\n  served:    " + right;
            }
        }
        return "(only in line endings or a final newline)";
    }

    @Test
    void everySchemaAndSchemaPropertyInTheCommittedSpecHasADescription() throws IOException {
        Map<String, Object> spec = new Yaml().load(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        List<String> undocumented = new ArrayList<>();
        for (var schema : map(map(spec.get("components")).get("schemas")).entrySet()) {
            Map<String, Object> body = map(schema.getValue());
            if (isBlank(body.get("description"))) {
                undocumented.add(schema.getKey());
            }
            for (var property : map(body.get("properties")).entrySet()) {
                if (isBlank(map(property.getValue()).get("description"))) {
                    undocumented.add(schema.getKey() + "." + property.getKey());
                }
            }
        }
        assertThat(undocumented).as("schemas and properties without a description in " + COMMITTED).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static boolean isBlank(Object description) {
        return !(description instanceof String s) || s.isBlank();
    }
}
