package dev.bootplan.engine;

import dev.bootplan.engine.mode.PolicyInputs.Hazard;
import dev.bootplan.engine.plan.DevicePlan;
import dev.bootplan.engine.plan.DriverPlan;
import dev.bootplan.engine.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Drivers that are hazardous to probe asynchronously (probe-model.md §10, forced-sync): firmware only on
 * the root filesystem for a driver that probes before it is mounted, userspace expecting the device right
 * after module load, and a built-in whose suppliers are not registered by an earlier initcall.
 */
final class Hazards {

    static final String UNORDERED_SUPPLIERS = "built-in whose suppliers are not registered before it";

    private Hazards() {}

    static List<Hazard> of(Plan plan, int[] ownerModule, int[] ownerInitcall) {
        List<Hazard> out = new ArrayList<>();
        for (int d = 0; d < plan.drivers().size(); d++) {
            DriverPlan driver = plan.drivers().get(d);
            boolean builtin = ownerInitcall[d] >= 0;
            boolean earlyModule = ownerModule[d] >= 0 && plan.modules().get(ownerModule[d]).inInitramfs();
            if (builtin || earlyModule) {
                for (String f : driver.firmware()) {
                    var fw = plan.firmware();
                    if (!fw.builtin().contains(f) && !fw.initramfs().contains(f) && fw.rootfs().contains(f)) {
                        out.add(new Hazard(d, "its firmware " + f + " is only on the root filesystem"));
                        break;
                    }
                }
            }
            if (plan.expectsSyncProbe().contains(driver.name())) {
                out.add(new Hazard(d, "userspace expects its devices right after module load"));
            }
        }
        for (int d : unorderedBuiltins(plan, ownerInitcall)) {
            out.add(new Hazard(d, UNORDERED_SUPPLIERS));
        }
        return out;
    }

    /** Built-in drivers with a device whose supplier's driver is a module, unregistered, or registered by a later initcall. */
    static Set<Integer> unorderedBuiltins(Plan plan, int[] ownerInitcall) {
        Set<Integer> out = new LinkedHashSet<>();
        for (DevicePlan dev : plan.devices()) {
            int at = ownerInitcall[dev.driver()];
            if (at < 0) {
                continue;
            }
            for (int s : dev.suppliers()) {
                int supplierAt = ownerInitcall[plan.devices().get(s).driver()];
                if (supplierAt < 0 || supplierAt > at) {
                    out.add(dev.driver());
                    break;
                }
            }
        }
        return out;
    }
}
