package dev.bootplan.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub Actions workflow commands at the manifest's lines, escaped as the toolkit escapes, and the step summary. */
class GateGithubOutputTests {

    @TempDir
    Path dir;

    @Test
    void eachBreachIsAnErrorCommandAtItsLineAndTheSummaryIsATable() {
        var run = GateDriver.run("examples/storage-server.json", "--rules", "examples/ci/rules.yaml", "--mode", "sync",
                "--format", "github");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout().lines().toList())
                .contains("::error file=examples/storage-server.json,line=49,col=5,title=no device lost::0:0:118:0 (sd) lost: "
                        + "failed, killed by udev (SIGKILL to the loading worker at 216.80224 s)")
                .contains("::error file=examples/storage-server.json,title=rootMounted no later than 30s::rootMounted at "
                        + "216.80224 s, later than 30s")
                .contains("::error file=examples/storage-server.json,line=31,col=5,title=no udev kill%2C no device over its "
                        + "limit%2C root found::UDEV_EVENT_KILLED (error) sd_mod: udev killed the worker loading sd_mod (event "
                        + "for 0:0:0:0) after 190 s; 182 device(s) lost (0:0:118:0, 0:0:119:0, 0:0:120:0, 0:0:121:0, "
                        + "0:0:122:0, …); 79 other event(s) waiting for it left with -EINTR.");
        assertThat(run.stdout()).endsWith("::error title=bootplan gate::failed: 0 of 5 rule(s) passed for storage-server "
                + "(manifest examples/storage-server.json, mode sync, rules examples/ci/rules.yaml)\n");
        assertThat(run.stepSummary())
                .startsWith("## Boot-plan gate\n\n**Failed**: storage-server (manifest examples/storage-server.json, mode sync, "
                        + "rules examples/ci/rules.yaml)\n\n| | Rule | Result |\n|---|---|---|\n| ❌ | no device lost | 182 device(s) lost |\n")
                .contains("\n### no device lost\n\n- `examples/storage-server.json:49:5` 0:0:118:0 (sd) lost:")
                .contains("- … and 132 more\n");
    }

    @Test
    void aPassIsANotice() {
        var run = GateDriver.run("examples/storage-server.json", "--rules", "examples/ci/rules.yaml", "--format", "github");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("::notice title=bootplan gate::passed: 5 of 5 rule(s) passed for storage-server "
                + "(manifest examples/storage-server.json, mode async, rules examples/ci/rules.yaml)\n");
        assertThat(run.stepSummary()).contains("**Passed**").contains("| ✅ | no device lost | all 313 device(s) bound |");
    }

    @Test
    void anUnreadableRulesFileIsAnErrorAtItsLine() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "rules:\n  - type: no-device-lost\n    name: [x, y]\n");

        var run = GateDriver.run("examples/storage-server.json", "--rules", rules.toString(), "--format", "github");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).startsWith("::error file=" + rules + ",line=3,col=5,title=gate%3A unreadable rules::" + rules
                + ":3:5: /rules/0/name: expected a string here");
        assertThat(run.stepSummary()).contains("**Could not read the rules** (exit 2)");
    }
}
