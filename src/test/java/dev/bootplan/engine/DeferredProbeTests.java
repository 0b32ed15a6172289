package dev.bootplan.engine;

import static dev.bootplan.engine.PlanFixture.MS;
import static dev.bootplan.engine.PlanFixture.S;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.engine.mode.AsyncMode;
import dev.bootplan.engine.plan.DevicePlan;
import dev.bootplan.engine.plan.DriverPlan;
import dev.bootplan.engine.plan.Level;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.report.DeviceOutcome;
import dev.bootplan.report.DeviceState;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

/** probe-model.md §6: the deferred-probe timeout, its re-arming, giving up, fw_devlink's cost, supplier cycles. */
class DeferredProbeTests {

    private static Report run(PlanFixture p) {
        return new BootSimulator(EngineSettings.defaults()).simulate(p.build(), new AsyncMode());
    }

    private static DeviceOutcome device(Report r, String name) {
        return r.devices().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    /** Built-in consumer c waiting for supplier s, whose driver is never registered; module m loads at ~0 in userspace. */
    private static PlanFixture orphanConsumer(boolean givesUp, long moduleProbeUs, String cmdline) {
        PlanFixture p = new PlanFixture().cmdline(cmdline);
        p.drivers.add(new DriverPlan("consumer", ProbeType.DEFAULT, false, List.of(), givesUp));
        int supplier = p.driver("supplier", ProbeType.DEFAULT);
        int md = p.driver("late", ProbeType.DEFAULT);
        p.initcall("consumer_init", Level.DEVICE, 1 * S, 0);
        p.module("late", 0, "", List.of(), md);
        p.devices.add(new DevicePlan("c", 0, 100 * MS, -1, List.of(1), true, 0, 0, 0));
        p.device("s", supplier, 0);
        p.device("late0", md, moduleProbeUs);
        return p;
    }

    @Test
    void aDeviceWhoseSupplierNeverBindsIsReportedAtTheTimeout() {
        Report r = run(orphanConsumer(false, 0, ""));
        assertThat(device(r, "c").state()).isEqualTo(DeviceState.deferred);
        // The timer is armed at the end of the late level (1 s), re-armed when module "late" registers its driver
        // at 1 s (coldplug starts at /init = 1 s), so it fires at 11 s.
        assertThat(r.warnings()).filteredOn(w -> w.code() == FindingCode.DEFERRED_PENDING)
                .singleElement().satisfies(w -> assertThat(w.atUs()).isEqualTo(11 * S));
    }

    @Test
    void aDriverRegisteredWhileTheTimerIsPendingPushesItBack() {
        PlanFixture p = orphanConsumer(false, 0, "deferred_probe_timeout=5");
        // a second module whose event runs after the first one's 4 s load: it registers at 5 s
        int md2 = p.driver("later", ProbeType.DEFAULT);
        p.module("later", 4 * S, "", List.of(), md2);
        p.device("later0", md2, 0);
        p.childrenMax = 1;
        Report r = run(p);
        assertThat(r.modules().get(1).loadStartUs()).isEqualTo(1 * S);
        assertThat(r.warnings()).filteredOn(w -> w.code() == FindingCode.DEFERRED_PENDING)
                .singleElement().satisfies(w -> assertThat(w.atUs()).isEqualTo(10 * S)); // 5 s registration + 5 s
    }

    @Test
    void aDriverThatGivesUpBindsWithoutItsSupplierWhenTheTimerFires() {
        Report r = run(orphanConsumer(true, 0, "deferred_probe_timeout=3"));
        DeviceOutcome c = device(r, "c");
        assertThat(c.state()).isEqualTo(DeviceState.bound);
        assertThat(c.probeStartUs()).isEqualTo(4 * S); // armed at 1 s, fires at 1 s + 3 s
        assertThat(c.probeEndUs()).isEqualTo(4_100_000L);
    }

    @Test
    void withoutFwDevlinkTheProbeRunsToItsDeferPoint() {
        PlanFixture p = orphanConsumer(false, 0, "fw_devlink=off");
        p.devices.set(0, new DevicePlan("c", 0, 100 * MS, -1, List.of(1), true, 0, 0, 7 * MS));
        Report off = run(p);
        assertThat(device(off, "c").probeEndUs() - device(off, "c").probeStartUs()).isEqualTo(7 * MS);
        Report on = run(orphanConsumer(false, 0, ""));
        assertThat(device(on, "c").probeEndUs() - device(on, "c").probeStartUs()).isZero();
    }

    @Test
    void devicesOnASupplierCycleNeverBindAndTheCycleIsNamed() {
        PlanFixture p = new PlanFixture();
        int d = p.driver("d", ProbeType.DEFAULT);
        p.initcall("d_init", Level.DEVICE, 0, d);
        p.device("a", d, 1 * MS, -1, true, List.of(1));
        p.device("b", d, 1 * MS, -1, true, List.of(0));
        Report r = run(p);
        assertThat(r.devices()).allMatch(x -> x.state() == DeviceState.deferred);
        assertThat(r.warnings()).filteredOn(w -> w.code() == FindingCode.SUPPLIER_CYCLE)
                .singleElement().satisfies(w -> assertThat(w.message()).contains("a -> b -> a"));
    }
}
