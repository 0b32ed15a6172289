package dev.bootplan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.EngineSettings;
import dev.bootplan.engine.mode.ProbingModes;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ManifestLimits;
import dev.bootplan.manifest.ManifestNormalizer;
import dev.bootplan.report.DeviceState;
import dev.bootplan.report.Finding;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** The manifests in examples/ are valid, evaluate in every mode, and give what a kernel engineer expects. */
class ExampleManifestsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BootSimulator ENGINE = new BootSimulator(EngineSettings.defaults());

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("examples")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    static Plan plan(String file) {
        Manifest m = JSON.readValue(Path.of("examples", file).toFile(), Manifest.class);
        return new ManifestNormalizer(ManifestLimits.defaults()).normalize(m);
    }

    private static Report report(String file, String mode) {
        return ENGINE.simulate(plan(file), ProbingModes.byName(mode, false).orElseThrow());
    }

    private static List<FindingCode> codes(Report r) {
        return r.warnings().stream().map(Finding::code).toList();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleIsValidAndEvaluatesInEveryMode(Path file) {
        Plan plan = plan(file.getFileName().toString());
        for (var mode : ProbingModes.all(false)) {
            Report r = ENGINE.simulate(plan, mode);
            assertThat(r.devices()).hasSize(plan.devices().size());
            assertThat(r.milestones().initStartUs()).isNotNull();
        }
    }

    @Test
    void theStorageServerHitsTheGlobalWaitAndBindsAllDisks() {
        Report async = report("storage-server.json", "async");
        assertThat(async.devices()).filteredOn(d -> d.driver().equals("sd")).hasSize(300)
                .allMatch(d -> d.state() == DeviceState.bound);
        assertThat(codes(async)).contains(FindingCode.PREFER_ASYNC_BLOCKS_LOAD, FindingCode.ASYNC_POOL_SATURATED);
        Report sync = report("storage-server.json", "sync");
        assertThat(sync.milestones().allDevicesSettledUs()).isGreaterThan(async.milestones().allDevicesSettledUs());
        assertThat(codes(sync)).contains(FindingCode.UDEV_EVENT_KILLED, FindingCode.DEVICE_LIMIT_EXCEEDED);
    }

    @Test
    void theEmbeddedBoardDefersTheSdHostAndMissesWifiFirmware() {
        Report r = report("embedded-arm-board.json", "async");
        var mmc = r.devices().stream().filter(d -> d.name().equals("fe340000.mmc")).findFirst().orElseThrow();
        assertThat(mmc.state()).isEqualTo(DeviceState.bound);
        assertThat(mmc.attempts()).isGreaterThan(1);
        assertThat(codes(r)).contains(FindingCode.DEFERRED_RETRIES, FindingCode.FIRMWARE_UNAVAILABLE);
        assertThat(r.milestones().rootMountedUs()).isNotNull();
    }

    @Test
    void theLaptopShowsItsKnobMistakesAndTheWifiFirmwareRace() {
        Report r = report("laptop.json", "async");
        assertThat(codes(r)).contains(FindingCode.KNOB_INEFFECTIVE, FindingCode.USERSPACE_EXPECTS_SYNC,
                FindingCode.FIRMWARE_UNAVAILABLE);
        Report forced = report("laptop.json", "forced-sync");
        assertThat(forced.modeChanges()).extracting(c -> c.driver()).contains("snd_hda_intel", "iwlwifi");
        assertThat(codes(forced)).doesNotContain(FindingCode.USERSPACE_EXPECTS_SYNC);
    }

    @Test
    void printSummaries() throws IOException {
        examples().forEach(p -> {
            for (var mode : ProbingModes.all(false)) {
                Report r = ENGINE.simulate(plan(p.getFileName().toString()), mode);
                System.out.println(p.getFileName() + " " + mode.name() + " " + r.milestones() + " events=" + r.events());
                r.warnings().forEach(w -> System.out.println("   " + w.code() + " " + w.subject() + " @" + w.atUs() + " " + w.message()));
            }
        });
    }
}
