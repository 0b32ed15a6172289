package dev.bootplan.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.bootplan.gate.rules.GateMilestone;
import dev.bootplan.gate.rules.RulesReader;
import dev.bootplan.report.FindingCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** schemas/gate-rules.schema.json describes what RulesReader reads: the example validates, typos do not, enums agree. */
class GateRulesSchemaTests {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Schema schema;
    private static JsonNode schemaNode;

    @BeforeAll
    static void load() throws Exception {
        String text = Files.readString(Path.of("schemas/gate-rules.schema.json"));
        schemaNode = JSON.readTree(text);
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text);
    }

    @Test
    void theCiExampleValidatesAndReads() throws Exception {
        String text = Files.readString(Path.of("examples/ci/rules.yaml"));

        assertThat(schema.validate(YAML.readTree(text))).isEmpty();
        assertThat(RulesReader.read("examples/ci/rules.yaml", text).rules()).hasSize(5);
    }

    @Test
    void everyRuleTypeAndOptionValidatesAndReads() {
        String text = """
                rules:
                  - {type: milestone, name: root by 30 s, milestone: rootMounted, noLaterThan: 1min 30s}
                  - {type: no-findings, codes: [UDEV_EVENT_KILLED], atOrAbove: warning}
                  - {type: device-limit-headroom, atLeast: 10, atLeastPercent: 12.5}
                  - {type: no-device-lost}
                  - {type: baseline, maxPercent: 5, milestones: [rootMounted, lastProbe]}
                  - {type: within-noise, k: 2.5, milestones: [initcallsDone]}
                """;

        assertThat(schema.validate(YAML.readTree(text))).isEmpty();
        assertThat(RulesReader.read("r.yaml", text).rules()).hasSize(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "rules:\n  - {type: milestone, milestone: rootMounted, noLaterThen: 30s}",
        "rules:\n  - {type: milestone, milestone: rootMountd, noLaterThan: 30s}",
        "rules:\n  - {type: milestone, milestone: rootMounted, noLaterThan: 30}",
        "rules:\n  - {type: no-findings, codes: [UDEV_KILLED]}",
        "rules:\n  - {type: no-findings}",
        "rules:\n  - {type: device-limit-headroom}",
        "rules:\n  - {type: no-devices-lost}",
        "rules: []",
        "rule:\n  - {type: no-device-lost}"
    })
    void whatTheReaderRefusesTheSchemaRefusesToo(String text) {
        List<Error> errors = schema.validate(YAML.readTree(text));
        assertThat(errors).as(text).isNotEmpty();
        assertThat(GateDriverless.refuses(text)).as(text).isTrue();
    }

    @Test
    void theSchemasEnumsAreTheCodesMilestonesAndSeverities() {
        JsonNode defs = schemaNode.get("$defs");
        assertThat(strings(defs.get("milestone").get("enum"))).containsExactlyElementsOf(
                Arrays.stream(GateMilestone.values()).map(Enum::name).toList());
        assertThat(strings(defs.get("noFindingsRule").get("properties").get("codes").get("items").get("enum")))
                .containsExactlyElementsOf(Arrays.stream(FindingCode.values()).map(Enum::name).toList());
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    /** RulesReader, asked directly. */
    private static final class GateDriverless {
        static boolean refuses(String text) {
            try {
                RulesReader.read("r.yaml", text);
                return false;
            } catch (GateInputException e) {
                return true;
            }
        }
    }
}
