package dev.bootplan.ingest.modules;

import static dev.bootplan.ingest.modules.ModuleFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bootplan.engine.plan.Plan;
import dev.bootplan.ingest.ImportIssue;
import dev.bootplan.ingest.dmesg.DmesgIssueKind;
import dev.bootplan.ingest.dmesg.DmesgParser;
import dev.bootplan.ingest.dmesg.PlanFromLog;
import dev.bootplan.ingest.modules.ModuleMetadataImport.Inputs;
import dev.bootplan.ingest.modules.ModuleMetadataImport.Options;
import dev.bootplan.manifest.DeviceSpec;
import dev.bootplan.manifest.DriverSpec;
import dev.bootplan.manifest.InitcallSpec;
import dev.bootplan.manifest.KernelSpec;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ManifestLimits;
import dev.bootplan.manifest.ManifestNormalizer;
import dev.bootplan.manifest.ModuleSpec;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A dmesg import's times go into the skeleton: module inits, probe times, and its built-in initcalls. */
class LogMergeTests {

    /** The machine: virtio_pci and virtio_blk loadable, rtc_cmos and pcspkr built in. */
    private static Inputs machine() {
        return Inputs.of(text("modules.dep", """
                        kernel/drivers/virtio/virtio.ko:
                        kernel/drivers/virtio/virtio_pci.ko: kernel/drivers/virtio/virtio.ko
                        kernel/drivers/block/virtio_blk.ko: kernel/drivers/virtio/virtio.ko
                        """))
                .withBuiltin(text("modules.builtin", "kernel/drivers/rtc/rtc-cmos.ko\nkernel/drivers/input/misc/pcspkr.ko\n"))
                .withBuiltinModinfo(text("modules.builtin.modinfo", "rtc_cmos.alias=platform:rtc_cmos\0pcspkr.alias=platform:pcspkr\0"))
                .withAliases(text("modules.alias", "alias pci:v00001AF4d* virtio_pci\nalias virtio:d00000002v* virtio_blk\n"))
                .withDevices(text("devices", """
                        /sys/devices/pci0000:00/0000:00:02.0/modalias:pci:v00001AF4d00001042
                        /sys/devices/pci0000:00/0000:00:02.0/virtio1/modalias:virtio:d00000002v00001AF4
                        /sys/devices/platform/pcspkr/modalias:platform:pcspkr
                        /sys/devices/platform/rtc_cmos/modalias:platform:rtc_cmos
                        """));
    }

    /**
     * A plan as PlanFromLog builds one from that machine's log: drivers named after the initcall or module that
     * registered them, cmos_init probing rtc_cmos, the virtio_blk module probing virtio1, and a module foo (with
     * a device foo0) this kernel's metadata does not know.
     */
    private static PlanFromLog.Result log() {
        Manifest m = new Manifest("vm", new KernelSpec("6.1", null, true, null, "100100us", null), null, null, null,
                List.of(new InitcallSpec("cmos_init", "device", "150us", List.of("cmos_init")),
                        new InitcallSpec("i8042_init", "device", "100us", List.of()),
                        new InitcallSpec("late_thing", "late", "100us", List.of())),
                List.of(new ModuleSpec("virtio_blk", "200us", null, "0us", List.of(), null, false, List.of("virtio_blk")),
                        new ModuleSpec("foo", "15us", null, "0us", List.of(), null, false, List.of("foo"))),
                List.of(new DriverSpec("cmos_init", "default", null, null, null),
                        new DriverSpec("virtio_blk", "default", null, null, null),
                        new DriverSpec("foo", "default", null, null, null)),
                List.of(device("rtc_cmos", "cmos_init", "50us"), device("virtio1", "virtio_blk", "800us"),
                        device("foo0", "foo", "5us")),
                null);
        return new PlanFromLog.Result(m, List.of(), null);
    }

    private static DeviceSpec device(String name, String driver, String probe) {
        return new DeviceSpec(name, driver, probe, null, null, null, null, null, null, null);
    }

    static ModuleMetadataImport.Result merged() {
        return new ModuleMetadataImport(Options.defaults().withName("vm")).build(machine().withLog("boot.dmesg", log()));
    }

    @Test
    void moduleInitsAndProbeTimesComeFromTheLogByName() {
        ModuleMetadataImport.Result r = merged();
        assertThat(r.manifest().modules()).extracting(ModuleSpec::name, ModuleSpec::init).containsExactly(
                tuple("virtio", "200us"), tuple("virtio_pci", "200us"), tuple("virtio_blk", "200us"));
        assertThat(r.manifest().modules().getLast().loadTime()).isEqualTo("4800us"); // the log's load time is not taken
        assertThat(r.manifest().devices()).extracting(DeviceSpec::name, DeviceSpec::probeTime).containsExactly(
                tuple("0000:00:02.0", "93us"), tuple("virtio1", "800us"), tuple("pcspkr", "93us"), tuple("rtc_cmos", "50us"));
        assertThat(r.counts().moduleInitsFromLog()).isEqualTo(1);
        assertThat(r.counts().probeTimesFromLog()).isEqualTo(2);
    }

    @Test
    void theLogsBuiltinInitcallsReplaceTheSkeletonsAndRegisterTheDriversWhoseDevicesTheyProbed() {
        ModuleMetadataImport.Result r = merged();
        // cmos_init probed rtc_cmos, so it registers the rtc_cmos driver; pcspkr's devices are not in the log, so
        // its own initcall goes at the end of the device level, before the late ones.
        assertThat(r.manifest().initcalls()).extracting(InitcallSpec::name, InitcallSpec::level, InitcallSpec::drivers)
                .containsExactly(
                        tuple("cmos_init", "device", List.of("rtc_cmos")),
                        tuple("i8042_init", "device", List.of()),
                        tuple("pcspkr_init", "device", List.of("pcspkr")),
                        tuple("late_thing", "late", List.of()));
        assertThat(r.manifest().initcalls()).extracting(InitcallSpec::duration).containsExactly("150us", "100us", "2us", "100us");
        assertThat(r.manifest().kernel().earlyBoot()).isEqualTo("100100us");
        assertThat(r.counts().initcallsFromLog()).isEqualTo(3);
    }

    @Test
    void theKernelVersionComesFromTheLogWhenNoReleaseIsGiven() {
        ModuleMetadataImport.Result r = merged();
        assertThat(r.manifest().kernel().version()).isEqualTo("6.1");
        assertThat(r.issues()).noneMatch(i -> i.kind() == ModulesIssueKind.VERSION_ASSUMED);
    }

    @Test
    void aVersionTheLogImportAssumedIsNotTaken() {
        PlanFromLog.Result assumed = new PlanFromLog.Result(log().manifest(), List.of(new ImportIssue("boot.dmesg", 0, 0,
                DmesgIssueKind.VERSION_ASSUMED, "the log prints no kernel version")), null);
        ModuleMetadataImport.Result r = new ModuleMetadataImport(Options.defaults()).build(machine().withLog("boot.dmesg", assumed));
        assertThat(r.manifest().kernel().version()).isEqualTo("6.12");
        assertThat(r.issues()).filteredOn(i -> i.kind() == ModulesIssueKind.VERSION_ASSUMED).hasSize(1);
    }

    @Test
    void theMergedPlanIsValid() {
        Plan plan = new ManifestNormalizer(ManifestLimits.defaults()).normalize(merged().manifest());
        assertThat(plan.devices()).hasSize(4);
        assertThat(plan.initcalls()).hasSize(4);
    }

    /** The same machine's initcall_debug log, read by the real parser: what it measures is what the plan gets. */
    private static final String LOG = """
            [    0.000000] Linux version 6.1.0-57-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-3
            [    0.100000] entering initcall level: device
            [    0.100100] calling  cmos_init+0x0/0x7c @ 1
            [    0.100200] probe of rtc_cmos returned 0 after 50 usecs
            [    0.100300] initcall cmos_init+0x0/0x7c returned 0 after 200 usecs
            [    0.200000] entering initcall level: late
            [    0.200100] calling  late_thing+0x0/0x10 @ 1
            [    0.200200] initcall late_thing+0x0/0x10 returned 0 after 100 usecs
            [    0.300000] Run /init as init process
            [    2.000000] calling  virtio_blk_init+0x0/0x1000 [virtio_blk] @ 150
            [    2.000100] probe of virtio1 returned 0 after 800 usecs
            [    2.001000] initcall virtio_blk_init+0x0/0x1000 [virtio_blk] returned 0 after 1000 usecs
            """;

    /** The machine's virtio_pci load, booted with dyndbg="file drivers/base/dd.c +p": the driver core names its driver. */
    static final String DD_LOG = """
            [    0.000000] Linux version 6.1.0-57-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-3
            [    0.100000] entering initcall level: late
            [    0.100100] calling  deferred_probe_initcall+0x0/0x90 @ 1
            [    0.100200] initcall deferred_probe_initcall+0x0/0x90 returned 0 after 100 usecs
            [    0.300000] Run /init as init process
            [    0.310000] systemd[1]: Starting systemd-udevd.service - Rule-based Manager for Device Events and Files...
            [    2.000000] calling  virtio_pci_driver_init+0x0/0x1000 [virtio_pci] @ 150
            [    2.000010] bus: 'pci': really_probe: probing driver virtio-pci with device 0000:00:02.0
            [    2.001010] probe of 0000:00:02.0 returned 0 after 1000 usecs
            [    2.001100] initcall virtio_pci_driver_init+0x0/0x1000 [virtio_pci] returned 0 after 1100 usecs
            """;

    static ModuleMetadataImport.Result mergedWithDriverNames() {
        PlanFromLog.Result log = new PlanFromLog().build(
                new DmesgParser(DmesgParser.Options.defaults()).parse("boot.dmesg", new StringReader(DD_LOG)), "vm");
        return new ModuleMetadataImport(Options.defaults()).build(machine().withLog("boot.dmesg", log));
    }

    @Test
    void theDriverCoresNamesReplaceTheModulesNames() {
        Manifest m = mergedWithDriverNames().manifest();
        assertThat(m.devices()).filteredOn(d -> d.name().equals("0000:00:02.0")).extracting(DeviceSpec::driver, DeviceSpec::probeTime)
                .containsExactly(tuple("virtio-pci", "1000us"));
        assertThat(m.modules()).filteredOn(x -> x.name().equals("virtio_pci")).extracting(ModuleSpec::drivers)
                .containsExactly(List.of("virtio-pci"));
        assertThat(m.drivers()).extracting(DriverSpec::name).contains("virtio-pci").doesNotContain("virtio_pci");
        assertThat(new ManifestNormalizer(ManifestLimits.defaults()).normalize(m).devices()).hasSize(4);
    }

    @Test
    void aRealDmesgImportMergesIntoAValidPlan() {
        PlanFromLog.Result log = new PlanFromLog().build(
                new DmesgParser(DmesgParser.Options.defaults()).parse("boot.dmesg", new StringReader(LOG)), "vm");
        ModuleMetadataImport.Result r = new ModuleMetadataImport(Options.defaults()).build(machine().withLog("boot.dmesg", log));
        Manifest m = r.manifest();
        assertThat(m.kernel().version()).isEqualTo("6.1");
        assertThat(m.modules().getLast().init()).isEqualTo(log.manifest().modules().getFirst().init());
        assertThat(m.initcalls()).extracting(InitcallSpec::name).containsExactly("cmos_init", "pcspkr_init", "late_thing");
        for (DeviceSpec d : log.manifest().devices()) {
            assertThat(m.devices()).filteredOn(x -> x.name().equals(d.name())).extracting(DeviceSpec::probeTime)
                    .containsExactly(d.probeTime());
        }
        assertThat(new ManifestNormalizer(ManifestLimits.defaults()).normalize(m).devices()).hasSize(4);
    }

    @Test
    void measuredLoadTimesInitramfsAndUserspaceTimesComeFromTheLog() {
        Manifest m = new Manifest("vm", new KernelSpec("6.1", null, true, new dev.bootplan.manifest.InitramfsSpec(true, "0us"),
                "100100us", "11633us"), null, null, null, List.of(),
                List.of(new ModuleSpec("virtio_blk", "200us", null, "96000us", List.of("virtio"), null, true,
                                List.of("virtio_blk")),
                        new ModuleSpec("virtio_pci", "30us", null, "0us", List.of(), null, false, List.of())),
                List.of(new DriverSpec("virtio_blk", "default", null, null, null)), List.of(),
                new dev.bootplan.manifest.UserspaceSpec(null, null, "316784us", "308964us", "3273243us"));
        ModuleMetadataImport.Result r = new ModuleMetadataImport(Options.defaults().withName("vm"))
                .build(machine().withLog("boot.dmesg", new PlanFromLog.Result(m, List.of(), null)));
        // virtio_blk's load was measured in a coldplug; virtio_pci's "0us" means the log could not say: the default stays.
        // virtio_blk sits in the initramfs, so does its dependency virtio (dracut copies dependencies along).
        assertThat(r.manifest().modules()).extracting(ModuleSpec::name, ModuleSpec::loadTime, ModuleSpec::inInitramfs)
                .containsExactly(tuple("virtio", "4800us", true), tuple("virtio_pci", "4800us", false),
                        tuple("virtio_blk", "96000us", true));
        // The dependencies stay modules.dep's, not what one worker was seen loading.
        assertThat(r.manifest().modules().get(2).dependsOn()).containsExactly("virtio");
        assertThat(r.manifest().kernel().initHandover()).isEqualTo("11633us");
        assertThat(r.manifest().kernel().initramfs().present()).isTrue();
        assertThat(r.manifest().userspace().rootStartup()).isEqualTo("3273243us");
        assertThat(r.manifest().userspace().initrdStartup()).isEqualTo("316784us");
    }

    @Test
    void theProbeTimeOfALogDeviceThePlanDoesNotHoldStaysInItsCall() {
        // serial0 (no modalias, so not in the plan) was probed for 700 µs inside i8042_init, whose own time in the log's
        // plan is 100 µs without it; late_thing's deferred device (1 ms) was retried in deferred_probe_initcall.
        Manifest m = new Manifest("vm", new KernelSpec("6.1", null, true, null, "100100us", null), null, null, null,
                List.of(new InitcallSpec("cmos_init", "device", "150us", List.of("cmos_init")),
                        new InitcallSpec("i8042_init", "device", "100us", List.of("i8042_init")),
                        new InitcallSpec("late_thing", "late", "100us", List.of("late_thing")),
                        new InitcallSpec("deferred_probe_initcall", "late", "20us", List.of())),
                List.of(), List.of(new DriverSpec("cmos_init", "default", null, null, null),
                        new DriverSpec("i8042_init", "default", null, null, null),
                        new DriverSpec("late_thing", "default", null, null, null)),
                List.of(device("rtc_cmos", "cmos_init", "50us"), device("serial0", "i8042_init", "700us"),
                        new DeviceSpec("late0", "late_thing", "1000us", null, null, List.of("serial0"), null, null, null, null)),
                null);
        ModuleMetadataImport.Result r = new ModuleMetadataImport(Options.defaults().withName("vm"))
                .build(machine().withLog("boot.dmesg", new PlanFromLog.Result(m, List.of(), null)));
        assertThat(r.manifest().initcalls()).extracting(InitcallSpec::name, InitcallSpec::duration).containsExactly(
                tuple("cmos_init", "150us"), tuple("i8042_init", "800us"), tuple("pcspkr_init", "2us"),
                tuple("late_thing", "100us"), tuple("deferred_probe_initcall", "1020us"));
        assertThat(r.issues()).extracting(ImportIssue::toString).contains("boot.dmesg:0:0: the log probes 2 device(s) the plan"
                + " does not hold (serial0, late0); 1700 µs of their probe time stay in the own time of the calls that ran them,"
                + " the rest is not used");
    }
}
