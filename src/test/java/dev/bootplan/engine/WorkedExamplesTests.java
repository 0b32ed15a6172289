package dev.bootplan.engine;

import static dev.bootplan.engine.PlanFixture.MS;
import static dev.bootplan.engine.PlanFixture.S;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.engine.mode.AsyncMode;
import dev.bootplan.engine.mode.ProbingMode;
import dev.bootplan.engine.plan.FirmwarePlan;
import dev.bootplan.engine.plan.Level;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.report.DeviceOutcome;
import dev.bootplan.report.DeviceState;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.ModuleOutcome;
import dev.bootplan.report.Report;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every worked example of probe-model.md §13, with its exact numbers. */
class WorkedExamplesTests {

    private static Report run(PlanFixture p) {
        return run(p, new AsyncMode());
    }

    private static Report run(PlanFixture p, ProbingMode mode) {
        return new BootSimulator(EngineSettings.defaults()).simulate(p.build(), mode);
    }

    private static ModuleOutcome module(Report r, String name) {
        return r.modules().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static DeviceOutcome device(Report r, String name) {
        return r.devices().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void example1DefaultStrategyProbesSeriallyInsideFinitModule() {
        Report r = run(PlanFixture.moduleM(ProbeType.DEFAULT, "", true));
        for (int i = 0; i < 4; i++) {
            DeviceOutcome d = device(r, "0000:01:00." + i);
            assertThat(d.probeStartUs()).isEqualTo(100 * MS + i * 10 * S);
            assertThat(d.probeEndUs()).isEqualTo(100 * MS + (i + 1) * 10 * S);
            assertThat(d.state()).isEqualTo(DeviceState.bound);
            assertThat(d.async()).isFalse();
        }
        assertThat(module(r, "m").loadEndUs()).isEqualTo(40_100_000L);
        assertThat(module(r, "m").warned()).isFalse();
        assertThat(r.warnings()).extracting(w -> w.code()).doesNotContain(FindingCode.UDEV_EVENT_SLOW);
    }

    @Test
    void example1WithA30SecondTimeoutWarnsAt10KillsAt30AndLosesDevices3And4() {
        PlanFixture p = PlanFixture.moduleM(ProbeType.DEFAULT, "", true).cmdline("udev.event_timeout=30");
        Report r = run(p);
        ModuleOutcome m = module(r, "m");
        assertThat(m.warnAtUs()).isEqualTo(10 * S);
        assertThat(m.killAtUs()).isEqualTo(30 * S);
        assertThat(m.warned()).isTrue();
        assertThat(m.killed()).isTrue();
        assertThat(device(r, "0000:01:00.0").state()).isEqualTo(DeviceState.bound);
        assertThat(device(r, "0000:01:00.1").state()).isEqualTo(DeviceState.bound);
        assertThat(device(r, "0000:01:00.2").state()).isEqualTo(DeviceState.failed);
        assertThat(device(r, "0000:01:00.2").probeEndUs()).isEqualTo(30 * S);
        assertThat(device(r, "0000:01:00.3").state()).isEqualTo(DeviceState.failed);
        assertThat(device(r, "0000:01:00.3").probeStartUs()).isEqualTo(30 * S);
        assertThat(r.deviceLimits().getFirst().limit()).isEqualTo(2);
        assertThat(r.deviceLimits().getFirst().headroom()).isEqualTo(-2);
        assertThat(r.warnings()).extracting(w -> w.code())
                .contains(FindingCode.UDEV_EVENT_KILLED, FindingCode.DEVICE_LIMIT_EXCEEDED);
    }

    @Test
    void example1WithNonKillableProbesBindsAllFourAndEndsAt40_1() {
        PlanFixture p = PlanFixture.moduleM(ProbeType.DEFAULT, "", false).cmdline("udev.event_timeout=30");
        Report r = run(p);
        assertThat(r.devices()).allMatch(d -> d.state() == DeviceState.bound);
        assertThat(module(r, "m").loadEndUs()).isEqualTo(40_100_000L);
        assertThat(r.milestones().udevSettledUs()).isEqualTo(40_100_000L);
    }

    @Test
    void example2OnSystemd256TheKillComesTenSecondsLater() {
        PlanFixture p = PlanFixture.moduleM(ProbeType.DEFAULT, "", true).cmdline("udev.event_timeout=30");
        p.systemd = 256;
        Report r = run(p);
        ModuleOutcome m = module(r, "m");
        assertThat(m.warnAtUs()).isEqualTo(10 * S);
        assertThat(m.killAtUs()).isEqualTo(40 * S);
        assertThat(device(r, "0000:01:00.2").state()).isEqualTo(DeviceState.bound);
        assertThat(device(r, "0000:01:00.3").state()).isEqualTo(DeviceState.failed);
        assertThat(device(r, "0000:01:00.3").probeEndUs()).isEqualTo(40 * S);
        assertThat(r.deviceLimits().getFirst().limit()).isEqualTo(3);
    }

    @Test
    void example3AsyncProbeReturnsAt0_1AndProbesInParallelOnV5_1Plus() {
        Report r = run(PlanFixture.moduleM(ProbeType.DEFAULT, "async_probe", true));
        assertThat(module(r, "m").loadEndUs()).isEqualTo(100 * MS);
        assertThat(r.devices()).allSatisfy(d -> {
            assertThat(d.state()).isEqualTo(DeviceState.bound);
            assertThat(d.async()).isTrue();
            assertThat(d.probeEndUs()).isEqualTo(10_100_000L);
        });
        assertThat(r.deviceLimits().getFirst().limit()).isNull();
        assertThat(r.warnings()).extracting(w -> w.code()).doesNotContain(FindingCode.UDEV_EVENT_SLOW);
    }

    @Test
    void example3OnV4_19OneSerialItemBindsTheDevicesOneAfterAnother() {
        Report r = run(PlanFixture.moduleM(ProbeType.DEFAULT, "async_probe", true).kernel("4.19"));
        assertThat(module(r, "m").loadEndUs()).isEqualTo(100 * MS);
        assertThat(r.devices()).extracting(DeviceOutcome::probeEndUs)
                .containsExactly(10_100_000L, 20_100_000L, 30_100_000L, 40_100_000L);
    }

    @Test
    void example4PreferAsyncWithoutAsyncProbeStillBlocksTheLoad() {
        assertThat(module(run(PlanFixture.moduleM(ProbeType.PREFER_ASYNC, "", true)), "m").loadEndUs())
                .isEqualTo(10_100_000L);
        assertThat(module(run(PlanFixture.moduleM(ProbeType.PREFER_ASYNC, "", true).kernel("5.10")), "m").loadEndUs())
                .isEqualTo(10_100_000L);
        assertThat(module(run(PlanFixture.moduleM(ProbeType.PREFER_ASYNC, "", true).kernel("4.19")), "m").loadEndUs())
                .isEqualTo(40_100_000L);
        assertThat(run(PlanFixture.moduleM(ProbeType.PREFER_ASYNC, "", true)).warnings()).extracting(w -> w.code())
                .contains(FindingCode.PREFER_ASYNC_BLOCKS_LOAD);
    }

    @Test
    void example5ForceSyncWinsOverEveryKnob() {
        for (String knob : List.of("module.async_probe=1", "m.async_probe", "driver_async_probe=*")) {
            Report r = run(PlanFixture.moduleM(ProbeType.FORCE_SYNC, "", true).cmdline(knob));
            assertThat(module(r, "m").loadEndUs()).as(knob).isEqualTo(40_100_000L);
        }
        Report viaOptions = run(PlanFixture.moduleM(ProbeType.FORCE_SYNC, "async_probe", true));
        assertThat(module(viaOptions, "m").loadEndUs()).isEqualTo(40_100_000L);
    }

    private static PlanFixture twoModules(String version) {
        PlanFixture p = new PlanFixture().kernel(version).cmdline("module.async_probe=1 foo.async_probe=0");
        int foo = p.driver("foodrv", ProbeType.DEFAULT);
        int bar = p.driver("bardrv", ProbeType.DEFAULT);
        p.module("foo", 0, "", List.of(), foo);
        p.module("bar", 0, "", List.of(), bar);
        p.device("foo0", foo, 1 * S);
        p.device("bar0", bar, 1 * S);
        return p;
    }

    @Test
    void example6KnobsAreParsedPerVersion() {
        Report modern = run(twoModules("6.1"));
        assertThat(module(modern, "foo").asyncProbeRequested()).isFalse();
        assertThat(module(modern, "bar").asyncProbeRequested()).isTrue();
        assertThat(device(modern, "foo0").async()).isFalse();
        assertThat(device(modern, "bar0").async()).isTrue();

        Report old = run(twoModules("5.15"));
        assertThat(module(old, "foo").asyncProbeRequested()).isTrue();
        assertThat(module(old, "bar").asyncProbeRequested()).isFalse();
        assertThat(old.warnings()).filteredOn(w -> w.code() == FindingCode.KNOB_INEFFECTIVE)
                .extracting(w -> w.subject()).contains("foo", "module.async_probe");
    }

    @Test
    void example7DependenciesLoadFirstInTheSameWorker() {
        PlanFixture p = new PlanFixture();
        int md = p.driver("mdrv", ProbeType.DEFAULT);
        int l = p.module("l", 2 * S, "", List.of());
        p.module("m", 100 * MS, "", List.of(l), md);
        p.device("dev0", md, 5 * S);
        Report r = run(p);
        assertThat(module(r, "l").loadStartUs()).isEqualTo(0L);
        assertThat(module(r, "l").loadEndUs()).isEqualTo(2 * S);
        assertThat(module(r, "m").loadStartUs()).isEqualTo(2 * S);
        assertThat(module(r, "m").loadEndUs()).isEqualTo(7_100_000L);
        assertThat(r.milestones().udevSettledUs()).isEqualTo(7_100_000L);
    }

    @Test
    void example7WithLAlreadyLiveTheEventTakes5_1Seconds() {
        PlanFixture p = new PlanFixture();
        int ld = p.driver("ldrv", ProbeType.DEFAULT);
        int md = p.driver("mdrv", ProbeType.DEFAULT);
        int l = p.module("l", 2 * S, "", List.of(), ld);
        p.module("m", 100 * MS, "", List.of(l), md);
        int parent = p.device("ldev", ld, 0);
        p.device("mdev", md, 5 * S, parent, true, List.of()); // held back until the parent's event ends, then L is live
        Report r = run(p);
        var event = r.timeline().stream().filter(s -> s.kind() == dev.bootplan.report.SpanKind.udevEvent
                && s.subject().equals("mdev")).findFirst().orElseThrow();
        assertThat(event.endUs() - event.startUs()).isEqualTo(5_100_000L);
    }

    private static PlanFixture builtins(String version, String cmdline) {
        PlanFixture p = new PlanFixture().kernel(version).cmdline(cmdline);
        int d1 = p.driver("D1", ProbeType.DEFAULT);
        int d2 = p.driver("D2", ProbeType.FORCE_SYNC);
        p.initcall("early", Level.DEVICE, 1 * S);
        p.initcall("d1_init", Level.DEVICE, 0, d1);
        p.initcall("d2_init", Level.DEVICE, 0, d2);
        p.initcall("rest", Level.DEVICE, 500 * MS);
        for (int i = 0; i < 3; i++) {
            p.device("d1." + i, d1, 2 * S);
        }
        p.device("d2.0", d2, 1 * S);
        p.initramfs = true;
        return p;
    }

    @Test
    void example8BuiltinsWithDriverAsyncProbeWildcard() {
        Report plain = run(builtins("6.12", ""));
        assertThat(device(plain, "d1.0").probeStartUs()).isEqualTo(1 * S);
        assertThat(device(plain, "d1.2").probeEndUs()).isEqualTo(7 * S);
        assertThat(device(plain, "d2.0").probeEndUs()).isEqualTo(8 * S);
        assertThat(plain.milestones().initStartUs()).isEqualTo(8_500_000L);

        Report star = run(builtins("6.12", "driver_async_probe=*"));
        assertThat(star.devices()).filteredOn(d -> d.driver().equals("D1")).allSatisfy(d -> {
            assertThat(d.probeStartUs()).isEqualTo(1 * S);
            assertThat(d.probeEndUs()).isEqualTo(3 * S);
        });
        assertThat(device(star, "d2.0").probeEndUs()).isEqualTo(2 * S);
        assertThat(star.milestones().initcallsDoneUs()).isEqualTo(2_500_000L);
        assertThat(star.milestones().initStartUs()).isEqualTo(3 * S);

        assertThat(run(builtins("6.12", "driver_async_probe=*,D1")).milestones().initStartUs()).isEqualTo(8_500_000L);
        assertThat(run(builtins("5.10", "driver_async_probe=D1")).milestones().initStartUs()).isEqualTo(3 * S);
        assertThat(run(builtins("5.10", "driver_async_probe=*")).milestones().initStartUs()).isEqualTo(8_500_000L);
    }

    private static PlanFixture deferredBuiltins(ProbeType consumerType) {
        PlanFixture p = new PlanFixture();
        int dc = p.driver("C", consumerType);
        int ds = p.driver("S", ProbeType.DEFAULT);
        p.initcall("pad1", Level.DEVICE, 1 * S);
        p.initcall("c_init", Level.DEVICE, 0, dc);
        p.initcall("pad2", Level.DEVICE, 2 * S);
        p.initcall("s_init", Level.DEVICE, 0, ds);
        p.initcall("pad3", Level.DEVICE, 1 * S);
        p.devices.add(new dev.bootplan.engine.plan.DevicePlan("c", dc, 2 * S, -1, List.of(1), true, 0, 0, 0));
        p.device("s", ds, 1 * S);
        p.initramfs = true;
        return p;
    }

    @Test
    void example9DeferredBuiltinIsRetriedOnlyAtLateLevel() {
        Report r = run(deferredBuiltins(ProbeType.DEFAULT));
        assertThat(device(r, "s").probeEndUs()).isEqualTo(4 * S);
        assertThat(device(r, "c").state()).isEqualTo(DeviceState.bound);
        assertThat(device(r, "c").attempts()).isEqualTo(2);
        assertThat(device(r, "c").probeEndUs()).isEqualTo(7 * S);
        assertThat(r.milestones().initcallsDoneUs()).isEqualTo(7 * S);
        assertThat(r.milestones().initStartUs()).isEqualTo(7 * S);
    }

    @Test
    void example9AnAsyncConsumerEndsTheLateLevelEarlyButNotInit() {
        Report r = run(deferredBuiltins(ProbeType.PREFER_ASYNC));
        assertThat(r.milestones().initcallsDoneUs()).isEqualTo(5 * S);
        assertThat(device(r, "c").probeEndUs()).isEqualTo(7 * S);
        assertThat(r.milestones().initStartUs()).isEqualTo(7 * S);
    }

    private static PlanFixture firmwareBuiltin(boolean fallbackForced, String cmdline) {
        PlanFixture p = new PlanFixture().cmdline(cmdline);
        int f = p.driver("F", ProbeType.DEFAULT, "f.bin");
        p.initcall("pad", Level.DEVICE, 1 * S);
        p.initcall("f_init", Level.DEVICE, 0, f);
        p.device("f0", f, 100 * MS);
        p.initramfs = true;
        p.unpackUs = 1_900 * MS;
        p.firmware = new FirmwarePlan(Set.of(), Set.of(), Set.of("f.bin"), fallbackForced, 60 * S);
        return p;
    }

    @Test
    void example10FirmwareMissingFromTheInitramfs() {
        Report fails = run(firmwareBuiltin(false, ""));
        assertThat(device(fails, "f0").state()).isEqualTo(DeviceState.failed);
        assertThat(device(fails, "f0").probeEndUs()).isEqualTo(1_900 * MS);
        assertThat(fails.warnings()).extracting(w -> w.code()).contains(FindingCode.FIRMWARE_UNAVAILABLE);

        Report stalls = run(firmwareBuiltin(true, ""));
        assertThat(device(stalls, "f0").probeEndUs()).isEqualTo(61_900 * MS);
        assertThat(stalls.milestones().initStartUs()).isGreaterThanOrEqualTo(61_900 * MS);

        Report async = run(firmwareBuiltin(true, "driver_async_probe=F"));
        assertThat(device(async, "f0").async()).isTrue();
        assertThat(device(async, "f0").probeEndUs()).isEqualTo(61_900 * MS);
        assertThat(async.milestones().initStartUs()).isGreaterThanOrEqualTo(61_900 * MS);
        assertThat(async.warnings()).extracting(w -> w.code()).contains(FindingCode.ASYNC_FIRMWARE_WORKAROUND);
    }

    @Test
    void example11UdevWorkerLimit() {
        assertThat(UdevSettings.defaultChildrenMax(4, 16L << 30)).isEqualTo(24);
        assertThat(UdevSettings.defaultChildrenMax(2, 1L << 30)).isEqualTo(10);
        assertThat(UdevSettings.defaultChildrenMax(64, 512L << 30)).isEqualTo(144);

        PlanFixture p = new PlanFixture();
        p.cpus = 2;
        p.memory = 1L << 30;
        for (int i = 0; i < 30; i++) {
            int d = p.driver("drv" + i, ProbeType.DEFAULT);
            p.module("mod" + i, 0, "", List.of(), d);
            p.device("dev" + i, d, 5 * S);
        }
        Report r = run(p);
        assertThat(r.knobs().udevChildrenMax()).isEqualTo(10);
        assertThat(r.milestones().udevSettledUs()).isEqualTo(15 * S);
        assertThat(r.warnings()).extracting(w -> w.code()).contains(FindingCode.UDEV_WORKERS_SATURATED);
    }

    private static PlanFixture rootOnSd(String cmdline) {
        PlanFixture p = new PlanFixture().cmdline(cmdline);
        int sd = p.driver("sd", ProbeType.PREFER_ASYNC);
        p.initcall("pad", Level.DEVICE, 2 * S);
        p.initcall("init_sd", Level.DEVICE, 0, sd);
        p.device("sda", sd, 2 * S);
        p.rootDevice = "sda";
        return p;
    }

    @Test
    void example12NoInitramfsWaitsForDeviceProbeBeforeMountingRoot() {
        Report r = run(rootOnSd(""));
        assertThat(r.milestones().initcallsDoneUs()).isEqualTo(2 * S);
        assertThat(device(r, "sda").probeEndUs()).isEqualTo(4 * S);
        assertThat(r.milestones().rootMountedUs()).isEqualTo(4 * S);

        Report delayed = run(rootOnSd("rootdelay=3"));
        var sleep = delayed.timeline().stream().filter(s -> s.kind() == dev.bootplan.report.SpanKind.rootDelay)
                .findFirst().orElseThrow();
        assertThat(sleep.startUs()).isEqualTo(2 * S);
        assertThat(sleep.endUs()).isEqualTo(5 * S);
        assertThat(delayed.milestones().rootMountedUs()).isEqualTo(5 * S);
    }

    @Test
    void example13PredictedLogOfOneModuleLoad() {
        String log = new BootSimulator(EngineSettings.defaults())
                .predictLog(PlanFixture.moduleM(ProbeType.DEFAULT, "", true).build(), new AsyncMode());
        List<String> lines = log.lines().map(l -> l.substring(l.indexOf("] ") + 2)).toList();
        int calling = lines.indexOf("calling  m_init+0x0/0x1000 [m] @ 412");
        int returned = lines.indexOf("initcall m_init+0x0/0x1000 [m] returned 0 after 40100000 usecs");
        assertThat(calling).isNotNegative();
        assertThat(returned).isGreaterThan(calling);
        for (int i = 0; i < 4; i++) {
            int probe = lines.indexOf("probe of 0000:01:00." + i + " returned 0 after 10000000 usecs");
            assertThat(probe).isBetween(calling, returned);
        }
    }
}
