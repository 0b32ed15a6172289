package dev.bootplan.engine;

import static dev.bootplan.engine.PlanFixture.MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.engine.mode.AsyncMode;
import dev.bootplan.engine.plan.DevicePlan;
import dev.bootplan.engine.plan.Level;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.engine.plan.Share;
import dev.bootplan.engine.plan.WorkQueue;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.Report;
import dev.bootplan.report.SpanKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * init/do_mounts.c without an initramfs: wait_for_device_probe() does not wait for work queues, so a root disk that a
 * host controller's work finds later needs rootwait, which polls every 5 ms; without it the kernel panics.
 */
class RootWaitTests {

    private static final BootSimulator ENGINE = new BootSimulator(EngineSettings.defaults());

    /** A built-in host controller (100 ms probe) whose work queue finds the root disk after {@code foundAfterUs}. */
    private static PlanFixture rootBehindWork(String version, String cmdline, long foundAfterUs) {
        PlanFixture p = new PlanFixture().kernel(version).cmdline(cmdline);
        int hcd = p.driver("hcd", ProbeType.DEFAULT);
        int disk = p.driver("diskdrv", ProbeType.DEFAULT);
        p.initcall("disk_init", Level.DEVICE, 0, disk);
        p.initcall("hcd_init", Level.DEVICE, 0, hcd);
        p.devices.add(new DevicePlan("hc", hcd, 100 * MS, -1, List.of(), true, Share.known(0), foundAfterUs, 0,
                Share.known(0), WorkQueue.WORKQUEUE, null));
        p.devices.add(new DevicePlan("mmcblk0", disk, 10 * MS, 0, List.of(), true, Share.known(0), 0, 0, Share.known(0),
                WorkQueue.ASYNC, foundAfterUs));
        p.rootDevice = "mmcblk0";
        return p;
    }

    @Test
    void rootwaitMountsAtTheFirstFiveMillisecondPollAfterTheRootDeviceBinds() {
        Report r = ENGINE.simulate(rootBehindWork("6.12", "root=/dev/mmcblk0p2 rootwait", 303 * MS).build(), new AsyncMode());
        // Initcalls end at 100 ms; the disk binds at 100 + 303 + 10 = 413 ms; PID 1 polls at 105, 110, … 415 ms.
        assertThat(r.milestones().initcallsDoneUs()).isEqualTo(100_000L);
        assertThat(r.milestones().rootMountedUs()).isEqualTo(415_000L);
        assertThat(r.milestones().initStartUs()).isEqualTo(415_000L);
        assertThat(r.knobs().root()).isEqualTo("/dev/mmcblk0p2");
        assertThat(r.knobs().rootWait()).isTrue();
        assertThat(r.timeline()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(SpanKind.rootWait);
            assertThat(s.startUs()).isEqualTo(100_000L);
            assertThat(s.endUs()).isEqualTo(415_000L);
        });
        assertThat(ENGINE.predictLog(rootBehindWork("6.12", "root=/dev/mmcblk0p2 rootwait", 303 * MS).build(), new AsyncMode()))
                .contains("Waiting for root device /dev/mmcblk0p2...");
    }

    @Test
    void withoutRootwaitTheKernelPanicsAndInitNeverRuns() {
        Report r = ENGINE.simulate(rootBehindWork("6.12", "root=/dev/mmcblk0p2", 303 * MS).build(), new AsyncMode());
        assertThat(r.milestones().rootMountedUs()).isNull();
        assertThat(r.milestones().initStartUs()).isNull();
        assertThat(r.warnings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.ROOT_NOT_FOUND);
            assertThat(f.atUs()).isEqualTo(100_000L);
        });
    }

    @Test
    void rootwaitWithATimeoutGivesUpAtThePollAfterTheDeadline() {
        Report r = ENGINE.simulate(rootBehindWork("6.12", "rootwait=1", 1_500 * MS).build(), new AsyncMode());
        assertThat(r.knobs().rootWaitTimeoutUs()).isEqualTo(1_000_000L);
        assertThat(r.milestones().initStartUs()).isNull();
        // Waiting since 100 ms, deadline 1.1 s: the loop breaks at the first poll after it, 1.105 s.
        assertThat(r.warnings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.ROOT_NOT_FOUND);
            assertThat(f.atUs()).isEqualTo(1_105_000L);
        });
        Report inTime = ENGINE.simulate(rootBehindWork("6.12", "rootwait=1", 303 * MS).build(), new AsyncMode());
        assertThat(inTime.milestones().rootMountedUs()).isEqualTo(415_000L);
    }

    @Test
    void before6_5ARootwaitValueLeavesRootwaitOff() {
        Report r = ENGINE.simulate(rootBehindWork("6.1", "rootwait=1", 303 * MS).build(), new AsyncMode());
        assertThat(r.knobs().rootWait()).isFalse();
        assertThat(r.warnings()).extracting(f -> f.code()).contains(FindingCode.KNOB_INEFFECTIVE, FindingCode.ROOT_NOT_FOUND);
    }

    @Test
    void aRootDeviceAlreadyBoundIsMountedWithoutPolling() {
        PlanFixture p = new PlanFixture().cmdline("rootwait");
        int disk = p.driver("diskdrv", ProbeType.DEFAULT);
        p.initcall("disk_init", Level.DEVICE, 0, disk);
        p.device("sda", disk, 250 * MS);
        p.rootDevice = "sda";
        Report r = ENGINE.simulate(p.build(), new AsyncMode());
        assertThat(r.milestones().rootMountedUs()).isEqualTo(250_000L);
        assertThat(r.timeline()).noneMatch(s -> s.kind() == SpanKind.rootWait);
    }
}
