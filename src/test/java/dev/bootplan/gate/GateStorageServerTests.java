package dev.bootplan.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The figures: the storage server fails "no device lost" in sync (182 disks, exit 1) and passes in async. */
class GateStorageServerTests {

    private static final String PLAN = "examples/storage-server.json";
    private static final String RULES = "examples/ci/rules.yaml";

    @TempDir
    Path dir;

    @Test
    void syncLosesTheDisksUdevKillsAndTheJUnitFileNamesAll182() throws Exception {
        Path junit = dir.resolve("gate.xml");
        var run = GateDriver.run(PLAN, "--rules", RULES, "--mode", "sync", "--format", "junit", "-o", junit.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        NodeList cases = xml.getElementsByTagName("testcase");
        List<String> lost = new ArrayList<>();
        Element noDeviceLost = null;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("classname").equals("bootplan.gate.devices")) {
                lost.add(c.getAttribute("name"));
                Element failure = (Element) c.getElementsByTagName("failure").item(0);
                assertThat(failure.getAttribute("message")).startsWith(c.getAttribute("name") + " (sd) lost: failed, killed by udev");
            } else if (c.getAttribute("name").equals("no device lost")) {
                noDeviceLost = c;
            }
        }
        List<String> expected = new ArrayList<>();
        IntStream.rangeClosed(118, 149).forEach(n -> expected.add("0:0:" + n + ":0"));
        IntStream.rangeClosed(0, 149).forEach(n -> expected.add("1:0:" + n + ":0"));
        assertThat(lost).hasSize(182).containsExactlyElementsOf(expected);
        assertThat(noDeviceLost).isNotNull();
        assertThat(((Element) noDeviceLost.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .isEqualTo("no device lost: 182 device(s) lost");
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("187"); // 5 rules + 182 lost disks
        assertThat(suite.getAttribute("failures")).isEqualTo(Integer.toString(182 + failedRules(xml)));
    }

    private static int failedRules(Document xml) {
        NodeList cases = xml.getElementsByTagName("testcase");
        int n = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("classname").equals("bootplan.gate.rules") && c.getElementsByTagName("failure").getLength() > 0) {
                n++;
            }
        }
        return n;
    }

    @Test
    void asyncBindsEveryDiskAndPasses() throws Exception {
        Path junit = dir.resolve("gate.xml");
        var run = GateDriver.run(PLAN, "--rules", RULES, "--mode", "async", "--format", "junit", "-o", junit.toString());

        assertThat(run.exitCode()).isZero();
        String xml = Files.readString(junit);
        assertThat(xml).doesNotContain("<failure").contains("tests=\"5\"").contains("failures=\"0\"");
    }

    @Test
    void theTextTableSaysWhichRulesFailedAndWhere() {
        var run = GateDriver.run(PLAN, "--rules", RULES, "--mode", "sync");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout())
                .startsWith("gate: FAILED — storage-server (manifest examples/storage-server.json, mode sync, rules examples/ci/rules.yaml)\n")
                .contains("\nFAIL   no device lost ")
                .contains("\n  examples/storage-server.json:49:5: 0:0:118:0 (sd) lost: failed, killed by udev")
                .contains("\n  examples/storage-server.json:50:5: 1:0:149:0 (sd) lost: failed, killed by udev")
                .contains("\n  examples/storage-server.json:31:5: UDEV_EVENT_KILLED (error) sd_mod: udev killed the worker loading sd_mod")
                .contains("\n  examples/storage-server.json:40:5: sd: headroom -182 device(s), -60.7 % of its 300 (limit 118)")
                .endsWith("rule(s) passed\n");
    }

    @Test
    void sameInputSameBytes() {
        for (String format : List.of("text", "junit", "sarif", "github")) {
            var a = GateDriver.run(PLAN, "--rules", RULES, "--mode", "sync", "--format", format);
            var b = GateDriver.run(PLAN, "--rules", RULES, "--mode", "sync", "--format", format);
            assertThat(a.stdout()).as(format).isEqualTo(b.stdout()).isNotEmpty();
        }
    }
}
