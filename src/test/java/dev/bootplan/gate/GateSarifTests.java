package dev.bootplan.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.bootplan.json.BootPlanJson;
import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.EngineSettings;
import dev.bootplan.engine.mode.ProbingModes;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ManifestLimits;
import dev.bootplan.manifest.ManifestNormalizer;
import dev.bootplan.report.Report;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SARIF validates against the official 2.1.0 schema (src/test/resources/gate/sarif-schema-2.1.0.json, from
 * oasis-tcs/sarif-spec) and its results sit at the manifest's lines: the lost disks at their device entries, the udev
 * kill at sd_mod's module entry, the device limit at the sd driver.
 */
class GateSarifTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Schema sarif;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadTheOfficialSchema() throws Exception {
        try (InputStream in = GateSarifTests.class.getResourceAsStream("/gate/sarif-schema-2.1.0.json")) {
            sarif = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
    }

    private static String sarif(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", "sarif"));
        return GateDriver.run(all.toArray(String[]::new)).stdout();
    }

    @Test
    void syncFailureIsValidSarifWithResultsAtTheManifestsLines() {
        String out = sarif("examples/storage-server.json", "--rules", "examples/ci/rules.yaml", "--mode", "sync");

        assertThat(sarif.validate(out, InputFormat.JSON)).isEmpty();
        JsonNode run = JSON.readTree(out).get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("rules")).hasSize(5);
        JsonNode results = run.get("results");
        assertThat(at(results, "0:0:118:0")).isEqualTo("no-device-lost/1 examples/storage-server.json:49:5 /devices/3");
        assertThat(at(results, "1:0:0:0")).isEqualTo("no-device-lost/1 examples/storage-server.json:50:5 /devices/4");
        assertThat(at(results, "UDEV_EVENT_KILLED")).isEqualTo("no-findings/2 examples/storage-server.json:31:5 /modules/4");
        assertThat(at(results, "DEVICE_LIMIT_EXCEEDED")).isEqualTo("no-findings/2 examples/storage-server.json:40:5 /drivers/2");
        assertThat(at(results, "rootMounted at")).isEqualTo("milestone/3 examples/storage-server.json");
        long lostDisks = 0;
        for (JsonNode r : results) {
            if (r.get("ruleId").asString().equals("no-device-lost/1")) {
                lostDisks++;
            }
        }
        assertThat(lostDisks).isEqualTo(182);
    }

    /** "ruleId uri:line:col pointer" of the first result whose message contains {@code text}. */
    private static String at(JsonNode results, String text) {
        for (JsonNode r : results) {
            if (r.get("message").get("text").asString().contains(text)) {
                JsonNode loc = r.get("locations").get(0);
                JsonNode physical = loc.get("physicalLocation");
                StringBuilder s = new StringBuilder(r.get("ruleId").asString()).append(' ')
                        .append(physical.get("artifactLocation").get("uri").asString());
                if (physical.has("region")) {
                    s.append(':').append(physical.get("region").get("startLine").asInt()).append(':')
                            .append(physical.get("region").get("startColumn").asInt());
                }
                if (loc.has("logicalLocations")) {
                    s.append(' ').append(loc.get("logicalLocations").get(0).get("fullyQualifiedName").asString());
                }
                return s.toString();
            }
        }
        return null;
    }

    @Test
    void aPassIsValidSarifWithoutResults() {
        String out = sarif("examples/storage-server.json", "--rules", "examples/ci/rules.yaml", "--mode", "async");

        assertThat(sarif.validate(out, InputFormat.JSON)).isEmpty();
        assertThat(JSON.readTree(out).get("runs").get(0).get("results")).isEmpty();
    }

    @Test
    void anUnreadableRulesFileIsValidSarifWithAFailedInvocationAtItsLine() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "rules:\n  - type: no-device-lost\n    severity: error\n");

        String out = sarif("examples/storage-server.json", "--rules", rules.toString());

        assertThat(sarif.validate(out, InputFormat.JSON)).isEmpty();
        JsonNode invocation = JSON.readTree(out).get("runs").get(0).get("invocations").get(0);
        assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
        assertThat(invocation.get("toolExecutionNotifications").get(0).get("locations").get(0).get("physicalLocation")
                .get("region").get("startLine").asInt()).isEqualTo(3);
    }

    @Test
    void theSchemaCheckCanFail() {
        String out = sarif("examples/storage-server.json", "--rules", "examples/ci/rules.yaml", "--mode", "sync")
                .replace("\"startLine\" : 49", "\"startLine\" : 0");

        List<Error> errors = sarif.validate(out, InputFormat.JSON);
        assertThat(errors).isNotEmpty();
    }

    @Test
    void aReportInputPointsAtTheReportsOwnLines() throws Exception {
        Path manifest = Path.of("examples/storage-server.json");
        Report evaluation = new BootSimulator(EngineSettings.defaults()).simulate(
                new ManifestNormalizer(ManifestLimits.defaults()).normalize(
                        BootPlanJson.mapper().readValue(manifest.toFile(), Manifest.class)),
                ProbingModes.byName("sync", false).orElseThrow());
        Path report = dir.resolve("report.json");
        Files.writeString(report, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(evaluation));
        List<String> lines = Files.readAllLines(report);
        int line = lineOf(lines, "\"name\" : \"0:0:118:0\"") - 1; // the element's "{" is a line above
        int column = lines.get(line - 1).indexOf('{') + 1;

        String out = sarif(report.toString(), "--rules", "examples/ci/rules.yaml");

        assertThat(sarif.validate(out, InputFormat.JSON)).isEmpty();
        assertThat(at(JSON.readTree(out).get("runs").get(0).get("results"), "0:0:118:0"))
                .isEqualTo("no-device-lost/1 " + report + ":" + line + ":" + column + " /devices/124"); // 4 PCIe ports, 2 HBAs, 118 disks before it
    }

    private static int lineOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not found");
    }
}
