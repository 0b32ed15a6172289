package dev.bootplan.ingest.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.EngineSettings;
import dev.bootplan.engine.mode.ProbingMode;
import dev.bootplan.engine.mode.ProbingModes;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.ingest.ImportIssue;
import dev.bootplan.ingest.modules.ModuleMetadataImport.Options;
import dev.bootplan.manifest.DeviceSpec;
import dev.bootplan.manifest.InitcallSpec;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ManifestLimits;
import dev.bootplan.manifest.ModuleSpec;
import dev.bootplan.manifest.ManifestNormalizer;
import dev.bootplan.report.DeviceOutcome;
import dev.bootplan.report.DeviceState;
import dev.bootplan.report.Report;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debian 12's 6.1.0-57-amd64 module metadata and a Firecracker VM's devices (src/test/resources/modules). Every
 * figure was counted on the files themselves (zcat, grep, awk), not by this importer.
 */
class DebianModuleMetadataTests {

    private static ModuleMetadataImport.Result result;
    private static Manifest manifest;

    @BeforeAll
    static void importDebianOnTheVm() {
        result = new ModuleMetadataImport(Options.defaults().withKernelRelease("6.1.0-57-amd64"))
                .build(ModuleFixtures.debianOnVm());
        manifest = result.manifest();
    }

    private static ModuleSpec module(String name) {
        return manifest.modules().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static DeviceSpec device(String name) {
        return manifest.devices().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyModuleOfModulesDepWithItsDependencies() {
        // zcat modules.dep.gz | wc -l: 4023; awk -F: '{n += split($2, a, " ")} END {print n}': 10028 dependencies.
        assertThat(manifest.modules()).hasSize(4023);
        assertThat(result.counts().modules()).isEqualTo(4023);
        assertThat(manifest.modules().stream().mapToInt(m -> m.dependsOn().size()).sum()).isEqualTo(10028);
        // zcat modules.dep.gz | grep '/sd_mod.ko:'
        assertThat(module("sd_mod").dependsOn()).containsExactly(
                "t10_pi", "crc64_rocksoft", "scsi_mod", "scsi_common", "crc_t10dif", "crc64", "crct10dif_common");
        assertThat(module("virtio_blk").dependsOn()).containsExactly("virtio", "virtio_ring");
        // intel-uncore.ko is named intel_uncore, as modprobe names it
        assertThat(manifest.modules()).extracting(ModuleSpec::name).contains("intel_uncore").doesNotContain("intel-uncore");
        assertThat(module("sd_mod").init()).isEqualTo("200us");
        assertThat(module("sd_mod").loadTime()).isEqualTo("4800us");
    }

    @Test
    void builtinModulesAreDeviceLevelInitcallsInLinkOrder() {
        // zcat modules.builtin.gz | wc -l: 186; the first line is amd-uncore.ko, the last fbdev.ko.
        assertThat(manifest.initcalls()).hasSize(186);
        assertThat(manifest.initcalls().getFirst()).extracting(InitcallSpec::name, InitcallSpec::level, InitcallSpec::duration)
                .containsExactly("amd_uncore_init", "device", "2us");
        assertThat(manifest.initcalls().getLast().name()).isEqualTo("fbdev_init");
        assertThat(manifest.initcalls()).filteredOn(c -> !c.drivers().isEmpty())
                .extracting(InitcallSpec::name, InitcallSpec::drivers)
                .containsExactly(tuple("rtc_cmos_init", List.of("rtc_cmos")));
        // 26,222 alias lines, and 60 modinfo aliases of built-in modules (debugfs and tracefs are not built-in modules).
        assertThat(result.counts().aliases()).isEqualTo(26_222 + 60);
    }

    @Test
    void theVirtioBlockDeviceIsBoundByVirtioBlkUnderItsPciFunction() {
        // modules.alias: "alias virtio:d00000002v* virtio_blk"; virtio1's directory is inside 0000:00:02.0's.
        assertThat(device("virtio1")).extracting(DeviceSpec::driver, DeviceSpec::parent, DeviceSpec::probeTime)
                .containsExactly("virtio_blk", "0000:00:02.0", "93us");
        assertThat(device("0000:00:02.0")).extracting(DeviceSpec::driver, DeviceSpec::parent)
                .containsExactly("virtio_pci", null);
        assertThat(module("virtio_blk").drivers()).containsExactly("virtio_blk");
        // the RTC is bound by the built-in rtc_cmos (modinfo alias platform:rtc_cmos), not by a module
        assertThat(device("rtc_cmos").driver()).isEqualTo("rtc_cmos");
    }

    @Test
    void thirteenOfTheVmsTwentySevenDevicesAreMatched() {
        assertThat(manifest.devices()).extracting(DeviceSpec::name, DeviceSpec::driver).containsExactly(
                tuple("0000:00:01.0", "virtio_pci"), tuple("virtio0", "virtio_balloon"),
                tuple("0000:00:02.0", "virtio_pci"), tuple("virtio1", "virtio_blk"),
                tuple("0000:00:03.0", "virtio_pci"), tuple("virtio2", "virtio_net"),
                tuple("0000:00:04.0", "virtio_pci"), tuple("virtio3", "vmw_vsock_virtio_transport"),
                tuple("0000:00:05.0", "virtio_pci"), tuple("virtio4", "virtio_rng"),
                tuple("pcspkr", "pcspkr"), tuple("rtc_cmos", "rtc_cmos"), tuple("cpu", "aesni_intel"));
        assertThat(result.counts()).extracting(c -> c.devicesListed(), c -> c.devicesInPlan(), c -> c.devicesBuiltin(),
                c -> c.devicesUnmatched(), c -> c.drivers()).containsExactly(27, 13, 1, 14, 9);
        assertThat(manifest.drivers()).allMatch(d -> d.probeType().equals("default"));
    }

    @Test
    void theIssuesSayWhatWasLeftOutAndWhy() {
        Map<String, Long> byCode = result.issues().stream().collect(Collectors.groupingBy(ImportIssue::code, Collectors.counting()));
        assertThat(byCode).containsExactlyInAnyOrderEntriesOf(Map.of("no-driver", 14L, "several-matches", 1L, "modinfo-not-builtin", 1L));
        assertThat(result.issues()).extracting(ImportIssue::toString).contains(
                "modules.builtin.modinfo:0:0: 2 module(s) with aliases here are not built-in modules of modules.builtin"
                        + " (debugfs, tracefs); their aliases are not used",
                "firecracker-vm.modaliases:10:1: 0000:00:00.0: no built-in or loadable module has an alias matching"
                        + " \"pci:v00008086d00000D57sv00000000sd00000000bc06sc00i00\"; left out of the plan",
                "firecracker-vm.modaliases:27:1: cpu: \"cpu:type:x86,ven0002fam001Amod0002:feature:,0000,0001,0002,00...\""
                        + " matches 8 modules (aesni_intel, sha1_ssse3, sha256_ssse3, sha512_ssse3, ghash_clmulni_intel,"
                        + " crc32c_intel, crc32_pclmul, crct10dif_pclmul); the plan binds it to aesni_intel (the first in"
                        + " modules.alias; kmod loads every one of them)");
        assertThat(result.counts().issuesLeftOut()).isZero();
    }

    @Test
    void theKernelIsDebians61() {
        assertThat(manifest.kernel().version()).isEqualTo("6.1");
        assertThat(manifest.name()).isEqualTo("modules-6.1.0-57-amd64");
    }

    @Test
    void theNormaliserAcceptsThePlanAndEveryModeBindsEveryMatchedDevice() {
        Plan plan = new ManifestNormalizer(new ManifestLimits(200_000, 10_000, 20_000, 20_000)).normalize(manifest);
        assertThat(plan.modules()).hasSize(4023);
        assertThat(plan.devices()).hasSize(13);
        BootSimulator engine = new BootSimulator(EngineSettings.defaults());
        for (ProbingMode mode : ProbingModes.all(false)) {
            Report report = engine.simulate(plan, mode);
            Map<String, DeviceOutcome> outcomes = report.devices().stream()
                    .collect(Collectors.toMap(DeviceOutcome::name, Function.identity()));
            assertThat(outcomes).as(mode.name()).hasSize(13);
            assertThat(outcomes.values()).as(mode.name()).allMatch(d -> d.state() == DeviceState.bound);
            // virtio1 appears when virtio_pci has bound its PCI function, so it probes after it
            assertThat(outcomes.get("virtio1").probeStartUs()).as(mode.name())
                    .isGreaterThanOrEqualTo(outcomes.get("0000:00:02.0").probeEndUs());
            // the built-in RTC binds in its initcall, before /init
            assertThat(outcomes.get("rtc_cmos").probeEndUs()).as(mode.name())
                    .isLessThanOrEqualTo(report.milestones().initStartUs());
        }
    }
}
