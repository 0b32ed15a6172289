package dev.bootplan.engine;

import static dev.bootplan.engine.PlanFixture.MS;
import static dev.bootplan.engine.PlanFixture.S;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.engine.mode.AsyncMode;
import dev.bootplan.engine.mode.ProbingMode;
import dev.bootplan.engine.mode.SyncMode;
import dev.bootplan.engine.plan.FirmwarePlan;
import dev.bootplan.engine.plan.Level;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.report.DeviceOutcome;
import dev.bootplan.report.DeviceState;
import dev.bootplan.report.Report;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * init/initramfs.c wait_for_initramfs(): a firmware request before rootfs_initcall (initramfs_cookie still 0)
 * warns once and returns at once, "to avoid deadlocking the machine, and let the caller's access fail". The
 * engine once waited for an unpack that had not been queued yet, and PID 1 never finished.
 */
class FirmwareBeforeRootfsTests {

    private static PlanFixture coreLevelDriverWantingInitramfsFirmware() {
        PlanFixture p = new PlanFixture();
        int f = p.driver("F", ProbeType.DEFAULT, "f.bin");
        p.initcall("pad", Level.CORE, 1 * S);
        p.initcall("f_init", Level.CORE, 0, f);
        p.initcall("later", Level.DEVICE, 500 * MS);
        p.device("f0", f, 100 * MS);
        p.initramfs = true;
        p.unpackUs = 300 * MS;
        p.firmware = new FirmwarePlan(Set.of(), Set.of("f.bin"), Set.of("f.bin"), false, 60 * S);
        return p;
    }

    @Test
    void aRequestBeforeRootfsFailsAtOnceInsteadOfWaitingForTheUnpack() {
        // async: the unpack overlaps the device level; sync runs it inline at rootfs level (300 ms more).
        assertFailsAtOnce(new AsyncMode(), 1_500 * MS);
        assertFailsAtOnce(new SyncMode(), 1_800 * MS);
    }

    private static void assertFailsAtOnce(ProbingMode mode, long initcallsDoneUs) {
        Report r = new BootSimulator(EngineSettings.defaults()).simulate(coreLevelDriverWantingInitramfsFirmware().build(), mode);
        DeviceOutcome f0 = r.devices().get(0);
        assertThat(f0.state()).as(mode.name()).isEqualTo(DeviceState.failed);
        assertThat(f0.probeEndUs()).as(mode.name()).isEqualTo(1 * S);
        assertThat(r.milestones().initcallsDoneUs()).as(mode.name()).isEqualTo(initcallsDoneUs);
    }

    @Test
    void thePredictedLogWarnsOnceAsTheKernelDoes() {
        PlanFixture p = coreLevelDriverWantingInitramfsFirmware();
        p.device("f1", 0, 100 * MS);
        String log = new BootSimulator(EngineSettings.defaults()).predictLog(p.build(), new AsyncMode());
        assertThat(log).containsOnlyOnce("wait_for_initramfs() called before rootfs_initcalls")
                .contains("f0: Direct firmware load for f.bin failed with error -2")
                .contains("f1: Direct firmware load for f.bin failed with error -2");
    }
}
