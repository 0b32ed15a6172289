package dev.bootplan.engine;

import static dev.bootplan.engine.PlanFixture.MS;
import static dev.bootplan.engine.PlanFixture.S;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.engine.mode.AsyncMode;
import dev.bootplan.engine.plan.DevicePlan;
import dev.bootplan.engine.plan.DriverPlan;
import dev.bootplan.engine.plan.Level;
import dev.bootplan.engine.plan.ModuleLoadPlan;
import dev.bootplan.engine.plan.ModuleLoadPlan.Phase;
import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.engine.plan.Share;
import dev.bootplan.engine.plan.WorkQueue;
import dev.bootplan.report.DeviceOutcome;
import dev.bootplan.report.ModuleOutcome;
import dev.bootplan.report.Report;
import dev.bootplan.report.Span;
import dev.bootplan.report.SpanKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Processor time as the kernel spends it: CPU shares across a whole probe, module loads as CPU work of the loader,
 * work a probe starts on the async domain or another work queue, and the bounds of unknown shares. Exact µs.
 */
class CpuModelTests {

    private static final BootSimulator ENGINE = new BootSimulator(EngineSettings.defaults());

    private static DevicePlan device(String name, int driver, long probeUs, Integer cpu) {
        return new DevicePlan(name, driver, probeUs, -1, List.of(), true, cpu == null ? Share.unknown() : Share.known(cpu), 0, 0,
                Share.known(0), WorkQueue.ASYNC, null);
    }

    private static DeviceOutcome device(Report r, String name) {
        return r.devices().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private static ModuleOutcome module(Report r, String name) {
        return r.modules().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    /** Two built-in async probes on one CPU, 1 s each: one asks for 20 % of a CPU, the other for all of it. */
    @Test
    void aProbeThatAsksForLessThanItsFairShareKeepsItsPace() {
        PlanFixture p = new PlanFixture();
        p.cpus = 1;
        int drv = p.driver("mixed", ProbeType.PREFER_ASYNC);
        p.initcall("mixed_init", Level.DEVICE, 0, drv);
        p.devices.add(device("light", drv, 1 * S, 20));
        p.devices.add(device("busy", drv, 1 * S, 100));
        Report r = ENGINE.simulate(p.build(), new AsyncMode());
        // Max-min fair: light keeps its 0.2 CPU and ends at 1 s; busy gets 0.8 until then (0.8 s done), then all: 1.2 s.
        assertThat(device(r, "light").probeEndUs()).isEqualTo(1_000_000L);
        assertThat(device(r, "busy").probeEndUs()).isEqualTo(1_200_000L);
        Span busy = r.timeline().stream().filter(s -> s.subject().equals("busy")).findFirst().orElseThrow();
        assertThat(busy.contendedUs()).isEqualTo(200_000L);
    }

    @Test
    void nBusyProbesOfEqualLengthOnNCpusEndTogether() {
        for (int cpus = 1; cpus <= 4; cpus++) {
            PlanFixture p = new PlanFixture();
            p.cpus = cpus;
            int drv = p.driver("busy", ProbeType.PREFER_ASYNC);
            p.initcall("busy_init", Level.DEVICE, 0, drv);
            for (int i = 0; i < cpus; i++) {
                p.devices.add(device("d" + i, drv, 1 * S, 100));
            }
            Report r = ENGINE.simulate(p.build(), new AsyncMode());
            assertThat(r.devices()).extracting(DeviceOutcome::probeEndUs).containsOnly(1_000_000L);
        }
    }

    /**
     * Module a (async_probe) starts a busy 1 s probe; module b's 100 ms load then shares the one CPU with it
     * (load_module() is CPU work of the loader), and b's do_init_module() waits for a's probe (no async_probe on b).
     */
    @Test
    void aModuleLoadIsCpuWorkOfTheLoaderAndSlowsBehindABusyAsyncProbe() {
        PlanFixture p = new PlanFixture();
        p.cpus = 1;
        p.udev = false;
        int drv = p.driver("adrv", ProbeType.DEFAULT);
        p.modules.add(new ModulePlan("a", 0, 0, List.of(), "async_probe", false, List.of(drv)));
        p.modules.add(new ModulePlan("b", 0, 100 * MS, List.of(), "", false, List.of()));
        p.devices.add(device("busy", drv, 1 * S, 100));
        p.moduleLoads.add(new ModuleLoadPlan("initramfs-script", Phase.INITRD, 0, false, 0, List.of(0, 1)));
        Report r = ENGINE.simulate(p.build(), new AsyncMode());
        assertThat(module(r, "b").loadStartUs()).isEqualTo(0L);
        // 100 ms of load at half the CPU: 200 ms; then the global wait until the probe's last 900 − 100 ms alone.
        Span load = r.timeline().stream().filter(s -> s.kind() == SpanKind.moduleLoad && s.subject().equals("b"))
                .findFirst().orElseThrow();
        assertThat(device(r, "busy").probeEndUs()).isEqualTo(1_100_000L);
        assertThat(module(r, "b").loadEndUs()).isEqualTo(1_100_000L);
        assertThat(module(r, "b").waitedOn()).containsExactly("a");
        assertThat(load.contendedUs()).isEqualTo(100_000L);
        assertThat(load.lane()).isEqualTo("initramfs-script");
    }

    private static PlanFixture hostController(WorkQueue queue) {
        PlanFixture p = new PlanFixture();
        p.udev = false;
        int usb = p.driver("usbdrv", ProbeType.DEFAULT);
        p.initcall("usb_init", Level.DEVICE, 0, usb);
        int hcd = p.driver("hcd", ProbeType.DEFAULT);
        p.modules.add(new ModulePlan("hcd_mod", 0, 0, List.of(), "", false, List.of(hcd)));
        p.devices.add(new DevicePlan("hc", hcd, 100 * MS, -1, List.of(), true, Share.known(0), 500 * MS, 0, Share.known(0), queue, null));
        p.devices.add(new DevicePlan("usb-dev", usb, 10 * MS, 0, List.of(), true, Share.known(0), 0, 0, Share.known(0), WorkQueue.ASYNC,
                300 * MS));
        p.moduleLoads.add(new ModuleLoadPlan("initramfs-script", Phase.INITRD, 0, false, 0, List.of(0)));
        return p;
    }

    /** Hub enumeration: hub_wq is not the async domain, so the module load returns without it; the device it finds appears inside it. */
    @Test
    void workOnAnotherQueueIsNotWaitedForAndCreatesItsDeviceOnTheWay() {
        Report r = ENGINE.simulate(hostController(WorkQueue.WORKQUEUE).build(), new AsyncMode());
        assertThat(module(r, "hcd_mod").loadEndUs()).isEqualTo(100_000L);
        assertThat(device(r, "usb-dev").probeStartUs()).isEqualTo(400_000L);
        assertThat(device(r, "usb-dev").probeEndUs()).isEqualTo(410_000L);
        Span work = r.timeline().stream().filter(s -> s.kind() == SpanKind.asyncWork).findFirst().orElseThrow();
        assertThat(work.lane()).isEqualTo("workqueue-0");
        assertThat(work.startUs()).isEqualTo(100_000L);
        assertThat(work.endUs()).isEqualTo(610_000L); // 500 ms of its own, plus the 10 ms probe nested in it
    }

    /** The same work in the async domain (a SCSI scan): the module load's async_synchronize_full() waits for it. */
    @Test
    void asyncDomainWorkHoldsTheModuleLoadThatStartedIt() {
        Report r = ENGINE.simulate(hostController(WorkQueue.ASYNC).build(), new AsyncMode());
        assertThat(device(r, "usb-dev").probeEndUs()).isEqualTo(410_000L);
        assertThat(module(r, "hcd_mod").loadEndUs()).isEqualTo(610_000L);
    }

    /** Two modprobe@ units at once, both needing c (a 100 ms load): the second sleeps in finit_module() until c is LIVE. */
    @Test
    void parallelLoadersWaitForAModuleAnotherOneIsLoading() {
        PlanFixture p = new PlanFixture();
        p.cpus = 2;
        p.udev = false;
        p.modules.add(new ModulePlan("c", 0, 100 * MS, List.of(), "", false, List.of()));
        p.modules.add(new ModulePlan("x", 0, 10 * MS, List.of(0), "", false, List.of()));
        p.modules.add(new ModulePlan("y", 0, 10 * MS, List.of(0), "", false, List.of()));
        p.moduleLoads.add(new ModuleLoadPlan("modprobe@", Phase.ROOTFS, 50 * MS, true, 0, List.of(1, 2)));
        Report r = ENGINE.simulate(p.build(), new AsyncMode());
        assertThat(module(r, "c").loadStartUs()).isEqualTo(50_000L);
        assertThat(module(r, "c").loadEndUs()).isEqualTo(150_000L);
        assertThat(module(r, "x").loadEndUs()).isEqualTo(160_000L);
        assertThat(module(r, "y").loadStartUs()).isEqualTo(150_000L);
        assertThat(r.timeline()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(SpanKind.moduleWait);
            assertThat(s.lane()).isEqualTo("modprobe@-2");
            assertThat(s.startUs()).isEqualTo(50_000L);
            assertThat(s.endUs()).isEqualTo(150_000L);
        });
    }

    @Test
    void aSerialLoaderSpendsItsIntervalBeforeEachLoadAndLoadsDependenciesFirst() {
        PlanFixture p = new PlanFixture();
        p.udev = false;
        p.modules.add(new ModulePlan("dep", 0, 10 * MS, List.of(), "", false, List.of()));
        p.modules.add(new ModulePlan("top", 0, 20 * MS, List.of(0), "", false, List.of()));
        p.modules.add(new ModulePlan("other", 0, 5 * MS, List.of(), "", false, List.of()));
        p.moduleLoads.add(new ModuleLoadPlan("initramfs-script", Phase.INITRD, 1 * MS, false, 100, List.of(1, 2)));
        Report r = ENGINE.simulate(p.build(), new AsyncMode());
        assertThat(module(r, "dep").loadStartUs()).isEqualTo(1_100L);
        assertThat(module(r, "top").loadStartUs()).isEqualTo(11_200L);
        assertThat(module(r, "other").loadStartUs()).isEqualTo(31_300L);
        assertThat(module(r, "other").loadEndUs()).isEqualTo(36_300L);
    }

    @Test
    void unknownSharesGiveBoundsAndNameTheInputs() {
        PlanFixture p = new PlanFixture();
        p.cpus = 1;
        int drv = p.driver("unknown", ProbeType.PREFER_ASYNC);
        p.initcall("unknown_init", Level.DEVICE, 0, drv);
        p.devices.add(device("short", drv, 1 * S, null));
        p.devices.add(device("long", drv, 2 * S, null));
        Report r = ENGINE.simulate(p.build(), new AsyncMode());
        assertThat(r.milestones().allDevicesSettledUs()).isEqualTo(2_000_000L);
        assertThat(r.uncertainty().unknownShares()).isEqualTo(2);
        assertThat(r.uncertainty().narrowedBy()).containsExactly("long: cpuPercent (2 s of probe)", "short: cpuPercent (1 s of probe)");
        var settled = r.uncertainty().milestones().stream().filter(b -> b.milestone().equals("allDevicesSettledUs"))
                .findFirst().orElseThrow();
        assertThat(settled.predictedUs()).isEqualTo(2_000_000L);
        assertThat(settled.lowUs()).isEqualTo(2_000_000L);
        assertThat(settled.highUs()).isEqualTo(3_000_000L); // all CPU on one CPU: 1 s + 2 s in sequence of work
    }

    @Test
    void aPlanThatStatesEveryShareHasNoBounds() {
        PlanFixture p = new PlanFixture();
        int drv = p.driver("known", ProbeType.DEFAULT);
        p.initcall("known_init", Level.DEVICE, 0, drv);
        p.devices.add(device("d", drv, 1 * S, 30));
        assertThat(ENGINE.simulate(p.build(), new AsyncMode()).uncertainty()).isNull();
    }

    /** e1000 bit-bangs its EEPROM under the global e1000_eeprom_lock: two busy probes on two CPUs still take turns. */
    @Test
    void probesHoldingTheirDriversLockComputeOnOneCpuTogether() {
        for (boolean locked : new boolean[] {false, true}) {
            PlanFixture p = new PlanFixture();
            p.cpus = 2;
            p.drivers.add(new DriverPlan("e1000", ProbeType.PREFER_ASYNC, false, List.of(), false, locked));
            p.initcall("e1000_init_module", Level.DEVICE, 0, 0);
            p.devices.add(device("0000:00:08.0", 0, 1 * S, 100));
            p.devices.add(device("0000:00:09.0", 0, 1 * S, 100));
            Report r = ENGINE.simulate(p.build(), new AsyncMode());
            assertThat(r.devices()).extracting(DeviceOutcome::probeEndUs).containsOnly(locked ? 2_000_000L : 1_000_000L);
        }
    }

    /**
     * Two modprobe@ units load m at once; m's load (10 ms) queues a 1 s async probe and then waits for it. Before v6.4
     * add_unformed_module() lets the second finit_module() go as soon as m is LIVE (-EEXIST); from v6.4
     * idempotent_init_module() holds it until the first load returns.
     */
    @Test
    void aDuplicateLoadEndsAtLiveBefore6_4AndWhenTheLoadReturnsAfter() {
        for (String version : new String[] {"6.1", "6.12"}) {
            PlanFixture p = new PlanFixture().kernel(version);
            p.udev = false;
            int drv = p.driver("slow", ProbeType.PREFER_ASYNC);
            p.modules.add(new ModulePlan("m", 0, 10 * MS, List.of(), "", false, List.of(drv)));
            p.devices.add(device("dev", drv, 1 * S, 0));
            p.moduleLoads.add(new ModuleLoadPlan("modprobe@", Phase.ROOTFS, 0, true, 0, List.of(0, 0)));
            Report r = ENGINE.simulate(p.build(), new AsyncMode());
            Span wait = r.timeline().stream().filter(s -> s.kind() == SpanKind.moduleWait).findFirst().orElseThrow();
            assertThat(wait.lane()).isEqualTo("modprobe@-2");
            assertThat(wait.startUs()).isEqualTo(0L);
            assertThat(wait.endUs()).as(version).isEqualTo(version.equals("6.1") ? 10_000L : 1_010_000L);
        }
    }
}
