package dev.bootplan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.engine.mode.AsyncMode;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.report.Finding;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

/** probe-model.md §3.1 and §11: knobs read per kernel version, and the ones that do nothing said so. */
class KnobReaderTests {

    private static Report run(PlanFixture p) {
        return new BootSimulator(EngineSettings.defaults()).simulate(p.build(), new AsyncMode());
    }

    private static List<String> ineffective(Report r) {
        return r.warnings().stream().filter(w -> w.code() == FindingCode.KNOB_INEFFECTIVE).map(Finding::message).toList();
    }

    private static PlanFixture sdPlan(String version, String cmdline) {
        PlanFixture p = new PlanFixture().kernel(version).cmdline(cmdline);
        int sd = p.driver("sd", ProbeType.DEFAULT);
        p.module("sd_mod", 0, "", List.of(), sd);
        p.device("sda", sd, 1_000_000);
        return p;
    }

    @Test
    void theKernelKeepsOnly255CharactersOfDriverAsyncProbe() {
        String longList = "x".repeat(253) + ",sd"; // 256 characters: the copy ends in ",s"
        Report r = run(sdPlan("6.12", "driver_async_probe=" + longList));
        assertThat(r.knobs().driverAsyncProbe()).doesNotContain("sd");
        assertThat(r.devices().getFirst().async()).isFalse();
        assertThat(ineffective(r)).anyMatch(m -> m.contains("keeps the first 255") && m.contains("sd"));

        Report fits = run(sdPlan("6.12", "driver_async_probe=" + "x".repeat(251) + ",sd"));
        assertThat(fits.knobs().driverAsyncProbe()).contains("sd");
    }

    @Test
    void aModuleNameInDriverAsyncProbeMatchesNothing() {
        Report r = run(sdPlan("6.12", "driver_async_probe=sd_mod"));
        assertThat(r.devices().getFirst().async()).isFalse();
        assertThat(ineffective(r)).anyMatch(m -> m.contains("\"sd_mod\" looks like a module"));
    }

    @Test
    void driverAsyncProbeBefore5_1IsIgnored() {
        Report r = run(sdPlan("4.19", "driver_async_probe=sd"));
        assertThat(r.devices().getFirst().async()).isFalse();
        assertThat(r.knobs().driverAsyncProbe()).isNull();
        assertThat(ineffective(r)).anyMatch(m -> m.contains("exists from v5.1"));
    }

    @Test
    void kernelsBefore4_2HaveNoAsyncProbingAtAll() {
        PlanFixture p = sdPlan("4.1", "sd_mod.async_probe");
        p.drivers.set(0, new dev.bootplan.engine.plan.DriverPlan("sd", ProbeType.PREFER_ASYNC, false, List.of(), false));
        Report r = run(p);
        assertThat(r.devices().getFirst().async()).isFalse();
        assertThat(r.modules().getFirst().asyncProbeRequested()).isFalse();
        assertThat(ineffective(r)).anyMatch(m -> m.contains("no asynchronous probing"));
    }

    @Test
    void moduleAsyncProbeWithoutValueMeansTrueAndPerModuleValuesWin() {
        Report r = run(sdPlan("6.12", "module.async_probe sd_mod.async_probe=off"));
        assertThat(r.knobs().moduleAsyncProbe()).isTrue();
        assertThat(r.modules().getFirst().asyncProbeRequested()).isFalse();
        Report junk = run(sdPlan("6.12", "sd_mod.async_probe=maybe"));
        assertThat(junk.modules().getFirst().asyncProbeRequested()).isTrue(); // kstrtobool fails → true
    }

    @Test
    void udevTimeoutsFollowTheSystemdVersion() {
        PlanFixture old = sdPlan("6.12", "");
        old.systemd = 215;
        Report r = run(old);
        assertThat(r.knobs().udevEventTimeoutUs()).isEqualTo(30_000_000L);
        assertThat(r.knobs().udevWarnAfterUs()).isNull();
        assertThat(r.knobs().udevKillAfterUs()).isEqualTo(30_000_000L);

        PlanFixture modern = sdPlan("6.12", "udev.event_timeout=90 udev.children_max=3");
        modern.systemd = 257;
        Report m = run(modern);
        assertThat(m.knobs().udevWarnAfterUs()).isEqualTo(30_000_000L);
        assertThat(m.knobs().udevKillAfterUs()).isEqualTo(100_000_000L);
        assertThat(m.knobs().udevChildrenMax()).isEqualTo(3);
    }

    @Test
    void aBadKnobReadForTheInitrdAndTheRealRootIsOneFinding() {
        for (String bad : new String[] {"udev.event_timeout=0", "udev.event_timeout=-1", "udev.children_max=x"}) {
            Report r = run(sdPlan("6.12", bad));
            assertThat(r.warnings()).filteredOn(f -> f.code() == FindingCode.KNOB_INEFFECTIVE).as(bad).hasSize(1);
        }
    }

    @Test
    void anUnknownFwDevlinkValueIsAFindingAndKeepsTheDefault() {
        Report r = run(sdPlan("6.12", "fw_devlink=foo"));
        assertThat(ineffective(r)).anyMatch(m -> m.contains("fw_devlink=foo is not a value the kernel knows"));
        assertThat(r.knobs().fwDevlink()).isEqualTo("on");
        assertThat(ineffective(run(sdPlan("6.12", "fw_devlink=permissive")))).noneMatch(m -> m.contains("fw_devlink"));
    }
}
