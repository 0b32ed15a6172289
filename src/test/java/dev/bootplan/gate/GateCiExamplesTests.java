package dev.bootplan.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The CI examples as a user would copy them: each is valid YAML, and each {@code ./bootplan gate} command it runs,
 * with its variables filled in, is a command the gate accepts, passes on the example plan and writes its file.
 */
class GateCiExamplesTests {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern VAR = Pattern.compile("\"\\$(\\w+)\"");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"examples/ci/github-actions.yml, env, jobs", "examples/ci/gitlab-ci.yml, boot-gate.variables, boot-gate"})
    void everyGateCommandRunsAndPasses(String file, String variables, String jobs) throws Exception {
        JsonNode ci = YAML.readTree(Files.readString(Path.of(file)));
        JsonNode vars = ci;
        for (String key : variables.split("\\.")) {
            vars = vars.get(key);
        }
        Map<String, String> env = Map.of("PLAN", vars.get("PLAN").asString(), "RULES", vars.get("RULES").asString(),
                "MODE", vars.get("MODE").asString());
        assertThat(ci.get(jobs)).as("the job").isNotNull();
        List<String> commands = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(file))) {
            int at = line.indexOf("./bootplan gate ");
            if (at >= 0 && !line.strip().startsWith("#")) {
                commands.add(line.substring(at + "./bootplan gate ".length()).replaceAll("\\s*\\|\\|.*$", ""));
            }
        }
        assertThat(commands).hasSize(3);
        for (String command : commands) {
            Matcher m = VAR.matcher(command);
            String filled = m.replaceAll(r -> Matcher.quoteReplacement(env.get(r.group(1))))
                    .replace("build/gate/", dir.toString() + "/");
            var run = GateDriver.run(filled.split("\\s+"));
            assertThat(run.exitCode()).as(filled).isZero();
            int o = filled.indexOf(" -o ");
            if (o >= 0) {
                assertThat(Path.of(filled.substring(o + 4).strip())).as(filled).isNotEmptyFile();
            }
        }
    }
}
