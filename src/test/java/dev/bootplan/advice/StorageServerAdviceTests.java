package dev.bootplan.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.EngineSettings;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ManifestLimits;
import dev.bootplan.manifest.ManifestNormalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The README's worked example ("What should I ship?"), number for number, and the budget's early stop. */
class StorageServerAdviceTests {

    private static final Advisor ADVISOR = new Advisor(new BootSimulator(EngineSettings.defaults()));
    private static Plan plan;
    private static Advice advice;

    @BeforeAll
    static void advise() throws Exception {
        Manifest m = JsonMapper.builder().build().readValue(Files.readString(Path.of("examples/storage-server.json")), Manifest.class);
        plan = new ManifestNormalizer(ManifestLimits.defaults()).normalize(m);
        advice = ADVISOR.advise(plan, AdviceOptions.defaults(20_000_000L), () -> false);
    }

    @Test
    void settlesAsDebugForceAllDoesWithEveryDeviceBound() {
        assertThat(advice.before().milestones().allDevicesSettledUs()).isEqualTo(29_957_280L);
        assertThat(advice.after().milestones().allDevicesSettledUs()).isEqualTo(12_990_560L);
        assertThat(advice.gainUs()).isEqualTo(16_966_720L);
        assertThat(advice.after().bound()).isEqualTo(313);
        assertThat(advice.modes().get(3).allDevicesSettledUs()).isEqualTo(12_990_560L);
    }

    @Test
    void eachLineBuysWhatTheReadmeSays() {
        Map<String, AdviceLine> byText = advice.lines().stream().collect(Collectors.toMap(AdviceLine::text, l -> l));
        assertThat(byText.keySet()).containsExactlyInAnyOrder("driver_async_probe=pcieport", "options bnx2x async_probe=1",
                "options ipmi_si async_probe=1", "options mpt3sas async_probe=1", "options nvme async_probe=1",
                "options raid_class async_probe=1", "options scsi_transport_sas async_probe=1", "options sd_mod async_probe=1");
        assertThat(byText.get("options mpt3sas async_probe=1").gainAloneUs()).isEqualTo(16_522_160L);
        assertThat(byText.get("options mpt3sas async_probe=1").helpsInSet()).isEqualTo("allDevicesSettled +14900000");
        assertThat(byText.get("options nvme async_probe=1").gainAloneUs()).isZero();
        assertThat(byText.get("options nvme async_probe=1").helpsInSet()).isEqualTo("allDevicesSettled +4304840");
        assertThat(byText.get("options scsi_transport_sas async_probe=1").gainAloneUs()).isEqualTo(8_360L);
        assertThat(byText.get("options scsi_transport_sas async_probe=1").helpsInSet()).isEqualTo("allDevicesSettled +444560");
        assertThat(byText.get("options raid_class async_probe=1").helpsInSet()).isEqualTo("allDevicesSettled +436200");
        assertThat(byText.get("options sd_mod async_probe=1").gainAloneUs()).isEqualTo(3_200_000L);
        assertThat(byText.get("options sd_mod async_probe=1").helpsInSet()).isEqualTo("udevSettled +3982680");
        assertThat(byText.get("options bnx2x async_probe=1").helpsInSet()).isEqualTo("udevSettled +3982680");
        assertThat(byText.get("driver_async_probe=pcieport").helpsInSet()).isEqualTo("initcallsDone +12000");
        assertThat(byText.get("options mpt3sas async_probe=1").risks()).anyMatch(r -> r.contains("sdX"));
    }

    @Test
    void theBroadKnobsAndTheSearchAreAsTheReadmeSays() {
        assertThat(advice.assessments().get(0).safe()).isTrue();
        assertThat(advice.assessments().get(0).outcome().milestones().allDevicesSettledUs()).isEqualTo(12_990_560L);
        assertThat(advice.assessments().get(1).outcome().milestones().allDevicesSettledUs()).isEqualTo(20_957_280L);
        assertThat(advice.search().method()).isEqualTo("coordinate-descent");
        assertThat(advice.search().searched()).hasSize(15);
        assertThat(advice.search().spaceSize()).isEqualTo(65_536L);
        assertThat(advice.search().evaluations()).isEqualTo(113);
        assertThat(advice.search().provedBest()).isFalse();
        assertThat(advice.search().stoppedEarly()).isFalse();
    }

    @Test
    void aSmallBudgetStopsTheSearchEarlyAndSaysSoWithoutLosingADevice() {
        Advice small = ADVISOR.advise(plan, new AdviceOptions(Goal.allDevicesSettled, 50, 1_000, 5, 20_000_000L), () -> false);
        assertThat(small.search().stoppedEarly()).isTrue();
        assertThat(small.search().provedBest()).isFalse();
        assertThat(small.after().bound()).isGreaterThanOrEqualTo(small.before().bound());
    }

    @Test
    void anotherGoalIsMinimisedFirst() {
        Advice root = ADVISOR.advise(plan, new AdviceOptions(Goal.rootMounted, 50, 1_000, 200, 20_000_000L), () -> false);
        assertThat(root.goal()).isEqualTo(Goal.rootMounted);
        assertThat(root.after().milestones().rootMountedUs()).isLessThan(root.before().milestones().rootMountedUs());
        assertThat(root.gainUs()).isEqualTo(root.before().milestones().rootMountedUs() - root.after().milestones().rootMountedUs());
    }
}
