package dev.bootplan.engine;

import static dev.bootplan.engine.PlanFixture.MS;
import static dev.bootplan.engine.PlanFixture.S;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.engine.mode.AsyncMode;
import dev.bootplan.engine.plan.Level;
import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.engine.plan.UserspaceTimes;
import dev.bootplan.report.ModuleOutcome;
import dev.bootplan.report.Report;
import dev.bootplan.report.Span;
import dev.bootplan.report.SpanKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Userspace's own time before each coldplug (systemd starting, fsck, switch_root) and kernel_init's time before
 * /init: all 0 by default (the spec's examples coldplug at /init), measured off a real log by the dmesg import.
 */
class UserspaceStartupTests {

    private static Report run(PlanFixture p) {
        return new BootSimulator(EngineSettings.defaults()).simulate(p.build(), new AsyncMode());
    }

    private static ModuleOutcome module(Report r, String name) {
        return r.modules().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    /** Built-ins end at 1 s; m (init 100 ms, one device × 1 s) on the root filesystem. */
    private static PlanFixture plan(boolean initramfs) {
        PlanFixture p = new PlanFixture();
        p.initcall("builtins", Level.DEVICE, 1 * S);
        int d = p.driver("mdrv", ProbeType.DEFAULT);
        p.module("m", 100 * MS, "", List.of(), d);
        p.device("m0", d, 1 * S);
        p.initramfs = initramfs;
        return p;
    }

    @Test
    void withoutAnInitramfsTheRootsColdplugWaitsForSystemdToStart() {
        PlanFixture p = plan(false);
        p.userspace = new UserspaceTimes(0, 0, 3 * S);
        Report r = run(p);
        assertThat(r.milestones().initStartUs()).isEqualTo(1 * S);
        assertThat(module(r, "m").loadStartUs()).isEqualTo(4 * S);
        assertThat(r.milestones().udevSettledUs()).isEqualTo(5_100 * MS);
        assertThat(r.timeline()).filteredOn(s -> s.kind() == SpanKind.userspace).extracting(Span::subject, Span::startUs, Span::endUs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rootfs startup", 1 * S, 4 * S));
    }

    @Test
    void withAnInitramfsEachStageTakesItsTime() {
        PlanFixture p = plan(true);
        int early = p.driver("edrv", ProbeType.DEFAULT);
        p.modules.add(new ModulePlan("e", 200 * MS, 0, List.of(), "", true, List.of(early)));
        p.device("e0", early, 300 * MS);
        p.userspace = new UserspaceTimes(500 * MS, 700 * MS, 2 * S);
        Report r = run(p);
        // /init at 1 s; the initrd's coldplug at 1.5 s loads e (0.5 s); the root is mounted 0.7 s after the initrd's
        // queue drained at 2.0 s; the root's coldplug 2 s later loads m.
        assertThat(module(r, "e").loadStartUs()).isEqualTo(1_500 * MS);
        assertThat(module(r, "e").loadEndUs()).isEqualTo(2 * S);
        assertThat(r.milestones().rootMountedUs()).isEqualTo(2_700 * MS);
        assertThat(module(r, "m").loadStartUs()).isEqualTo(4_700 * MS);
        assertThat(r.milestones().udevSettledUs()).isEqualTo(5_800 * MS);
        assertThat(r.timeline()).filteredOn(s -> s.kind() == SpanKind.userspace).extracting(Span::subject)
                .containsExactly("initrd startup", "switch root", "rootfs startup");
    }

    @Test
    void zeroTimesKeepTheSpecsColdplugAtInit() {
        Report r = run(plan(false));
        assertThat(module(r, "m").loadStartUs()).isEqualTo(1 * S);
        assertThat(r.timeline()).noneMatch(s -> s.kind() == SpanKind.userspace);
    }

    @Test
    void theHandoverDelaysInitAfterTheFinalAsyncWait() {
        PlanFixture p = plan(false);
        int async = p.driver("adrv", ProbeType.PREFER_ASYNC);
        p.initcall("a_init", Level.DEVICE, 0, async);
        p.device("a0", async, 2 * S); // async probe 1.0–3.0 s: async_synchronize_full holds /init until 3 s
        p.initHandoverUs = 50 * MS;
        Report r = run(p);
        assertThat(r.milestones().initcallsDoneUs()).isEqualTo(1 * S);
        assertThat(r.milestones().initStartUs()).isEqualTo(3_050 * MS);
    }
}
