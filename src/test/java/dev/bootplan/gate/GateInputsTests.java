package dev.bootplan.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.ingest.dmesg.DmesgParser;
import dev.bootplan.ingest.dmesg.ObservedTimeline;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Inputs and baselines of every kind: manifests (evaluated in the same mode), dmesg imports' answers, dmesg logs. */
class GateInputsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aPlanIsHeldAgainstABaselinePlanEvaluatedInTheSameMode() throws Exception {
        String plan = Files.readString(Path.of("examples/storage-server.json"));
        Path faster = write("faster.json", plan.replace("\"probeTime\": \"9s\"", "\"probeTime\": \"6s\""));
        Path rules = write("rules.yaml", "rules:\n  - type: baseline\n    maxPercent: 10\n    milestones: [allDevicesSettled]\n");

        var slower = GateDriver.run("examples/storage-server.json", "--rules", rules.toString(), "--baseline", faster.toString());
        var same = GateDriver.run("examples/storage-server.json", "--rules", rules.toString(), "--baseline",
                "examples/storage-server.json");

        assertThat(slower.exitCode()).as(slower.stdout()).isEqualTo(1);
        assertThat(slower.stdout()).contains("examples/storage-server.json: allDevicesSettled at 29.95728 s is ")
                .contains("slower than the baseline ").contains("(at most 10 %)");
        assertThat(same.exitCode()).isZero();
        assertThat(same.stdout()).contains("allDevicesSettled +0.0 %");
    }

    @Test
    void importAnswersAndLogsMixAsBaselinesOfAnObservedBoot() throws Exception {
        String log = Files.readString(Path.of("src/test/resources/gate/qemu-debian61-mixed-sync.dmesg"));
        List<String> boots = JitteredBoots.boots(log, 3, 1, 0.01);
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("summary");
        answer.set("observed", JSON.valueToTree(ObservedTimeline.of(
                new DmesgParser(DmesgParser.Options.defaults()).parse("boot-1.dmesg", new StringReader(boots.get(0))))));
        Path imported = write("boot-1.json", answer.toString());
        Path second = write("boot-2.dmesg", boots.get(1));
        Path third = write("boot-3.dmesg", boots.get(2));
        Path rules = write("rules.yaml", "rules:\n  - type: within-noise\n    milestones: [lastProbe]\n");

        var run = GateDriver.run(write("now.dmesg", log).toString(), "--rules", rules.toString(), "--baseline",
                imported.toString(), "--baseline", second.toString(), "--baseline", third.toString());

        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertThat(run.stdout()).contains("(observed ").contains("3 baseline(s)").contains("pass   within the baselines' noise");
    }

    @Test
    void aBaselineThatLacksANamedMilestoneCannotBeJudged() throws Exception {
        Path rules = write("rules.yaml", "rules:\n  - type: baseline\n    maxPercent: 5\n    milestones: [udevSettled]\n");

        var run = GateDriver.run("examples/storage-server.json", "--rules", rules.toString(), "--baseline",
                "src/test/resources/dmesg/rpi4-k6.18-baseline-run1.dmesg");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("rpi4-k6.18-baseline-run1.dmesg: the baseline does not show udevSettled");
    }

    @Test
    void jsonThatIsNoneOfTheKindsExits2() throws Exception {
        var run = GateDriver.run(write("x.json", "{\"hello\": 1}").toString(), "--rules", "examples/ci/rules.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("neither a manifest");
    }
}
