package dev.bootplan.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exit 2, never a pass: rules with a typo (named by line and column), a manifest that cannot be read, a bad mode. */
class GateUnreadableTests {

    private static final String PLAN = "examples/storage-server.json";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            misspelt key       | rules:\\n  - type: no-device-lost\\n  - type: milestone\\n    milestone: rootMounted\\n    noLaterThen: 30s\\n | 5:5  | unknown key "noLaterThen"; known keys: milestone, name, noLaterThan
            unknown milestone  | rules:\\n  - type: milestone\\n    milestone: rootMountd\\n    noLaterThan: 30s\\n                       | 3:5  | "rootMountd" is not one of: initcallsDone, initStart, rootMounted, udevSettled, allDevicesSettled, lastProbe
            unknown code       | rules:\\n  - type: no-findings\\n    codes: [UDEV_EVENT_KILLED, UDEV_KILLED]\\n                               | 3:32 | "UDEV_KILLED" is not one of: UDEV_EVENT_SLOW, UDEV_EVENT_KILLED
            unknown rule type  | rules:\\n  - type: no-devices-lost\\n                                                                  | 2:5  | unknown rule type "no-devices-lost"
            number for a span  | rules:\\n  - type: milestone\\n    milestone: rootMounted\\n    noLaterThan: 30\\n                         | 4:5  | a time span is a string with a unit, such as "30s"
            wrong type         | rules:\\n  - type: device-limit-headroom\\n    atLeast: ten\\n                                              | 3:5  | expected an integer here
            missing threshold  | rules:\\n  - type: device-limit-headroom\\n\\n                                                           | 2:5  | needs "atLeast" (devices) or "atLeastPercent"
            unknown top key    | rule:\\n  - type: no-device-lost\\n                                                                    | 1:1  | unknown key "rule"; known keys: rules
            JSON typo          | {"rules": [{"type": "no-device-lost", "nmae": "x"}]}                                                  | 1:39 | unknown key "nmae"; known keys: name
            """)
    void aTypoInTheRulesExits2NamingItsLineAndColumn(String what, String rules, String lineCol, String message) throws Exception {
        Path file = write(rules.startsWith("{") ? "rules.json" : "rules.yaml", rules.replace("\\n", "\n"));

        var run = GateDriver.run(PLAN, "--rules", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("bootplan gate: " + file + ":" + lineCol + ": ").contains(message);
    }

    @Test
    void aYamlAliasBombIsRefusedNotExpanded() throws Exception {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            String prev = String.valueOf((char) (c - 1));
            bomb.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev).append(", *")
                    .append(prev).append(", *").append(prev).append(", *").append(prev).append(", *").append(prev).append("]\n");
        }
        Path file = write("bomb.yaml", bomb + "rules:\n  - type: no-device-lost\n");

        var run = GateDriver.run(PLAN, "--rules", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("bootplan gate: " + file + ":");
    }

    @Test
    void aTruncatedManifestExits2WithItsLine() throws Exception {
        String text = Files.readString(Path.of(PLAN));
        Path cut = write("cut.json", text.substring(0, text.indexOf("\"devices\"")));

        var run = GateDriver.run(cut.toString(), "--rules", "examples/ci/rules.yaml", "--format", "junit");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("bootplan gate: " + cut + ":45:3: ");
        assertThat(run.stdout()).contains("<error message=").doesNotContain("<failure");
    }

    @Test
    void aManifestTheEvaluatorRefusesExits2NamingEveryViolationWithItsLine() throws Exception {
        Path bad = write("bad.json", Files.readString(Path.of(PLAN))
                .replace("\"driver\": \"nvme\", \"probeTime\": \"450ms\" },\n    { \"name\": \"0000:82:00.0\"",
                        "\"driver\": \"nvme2\", \"probeTime\": \"450ms\" },\n    { \"name\": \"0000:82:00.0\""));

        var run = GateDriver.run(bad.toString(), "--rules", "examples/ci/rules.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains(bad + ":51:31: /devices/5/driver: unknown driver \"nvme2\"");
    }

    @Test
    void aManifestWithAnUnknownFieldExits2() throws Exception {
        Path bad = write("bad.json", Files.readString(Path.of(PLAN)).replace("\"probeType\": \"default\" },", "\"probeTyp\": \"default\" },"));

        var run = GateDriver.run(bad.toString(), "--rules", "examples/ci/rules.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains(bad + ":").contains("unknown key \"probeTyp\"");
    }

    @Test
    void textThatIsNeitherJsonNorABootLogExits2() throws Exception {
        Path junk = write("junk.txt", "hello\nworld\n");

        assertThat(GateDriver.run(junk.toString(), "--rules", "examples/ci/rules.yaml").exitCode()).isEqualTo(2);
    }

    @Test
    void missingFilesAndAnUnknownModeExit2() {
        assertThat(GateDriver.run("nowhere.json", "--rules", "examples/ci/rules.yaml").exitCode()).isEqualTo(2);
        assertThat(GateDriver.run(PLAN, "--rules", "nowhere.yaml").exitCode()).isEqualTo(2);
        var run = GateDriver.run(PLAN, "--rules", "examples/ci/rules.yaml", "--mode", "fast");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("unknown mode \"fast\"; the modes are sync, async, forced-sync, debug-force-all");
    }

    @Test
    void aBaselineRuleWithoutBaselinesCannotBeJudged() throws Exception {
        Path rules = write("r.yaml", "rules:\n  - type: within-noise\n");

        var run = GateDriver.run(PLAN, "--rules", rules.toString(), "--baseline", PLAN);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("needs at least 2 baseline(s); 1 given");
    }

    @Test
    void predictionRulesFailOnAnObservedBootRatherThanPass() throws Exception {
        Path rules = write("r.yaml", "rules:\n  - type: no-device-lost\n  - type: milestone\n    milestone: rootMounted\n    noLaterThan: 10s\n");

        var run = GateDriver.run("src/test/resources/dmesg/rpi4-k6.18-baseline-run1.dmesg", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("FAIL   no device lost").contains("an observed boot has no device outcomes")
                .contains("pass   rootMounted no later than 10s  rootMounted at 4.01927 s");
    }
}
