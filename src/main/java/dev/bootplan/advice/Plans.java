package dev.bootplan.advice;

import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.Plan;
import java.util.List;

/** Copies of a plan with another command line and module list. */
final class Plans {

    private Plans() {}

    static Plan with(Plan p, String cmdline, List<ModulePlan> modules) {
        return new Plan(p.name(), p.kernel(), cmdline, p.modulesEnabled(), p.initramfsPresent(), p.initramfsUnpackUs(),
                p.earlyBootUs(), p.initHandoverUs(), p.systemdVersion(), p.eventTimeoutUs(), p.childrenMax(), p.cpus(),
                p.memoryBytes(), p.firmware(), p.initcalls(), modules, p.drivers(), p.devices(), p.expectsSyncProbe(),
                p.rootDevice(), p.userspace(), p.udev(), p.moduleLoads());
    }
}
