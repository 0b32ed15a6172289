package dev.bootplan.engine;

import dev.bootplan.engine.plan.DevicePlan;
import dev.bootplan.engine.plan.DriverPlan;
import dev.bootplan.engine.plan.ModuleLoadPlan;
import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.engine.plan.Share;
import dev.bootplan.engine.plan.WorkQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * {@link RandomPlans} with what the CPU model and userspace loads added: CPU shares (known and estimated) on probes,
 * work and loads, work on either queue creating children, driver probe locks, loads by name, boots without udev.
 * A separate stream of randomness, so the plain generator's seeds keep their plans.
 */
final class RichPlans {

    private RichPlans() {}

    static Plan generate(long seed) {
        Plan base = RandomPlans.generate(seed);
        Random rnd = new Random(seed * 7919 + 17);
        List<DriverPlan> drivers = base.drivers().stream()
                .map(d -> new DriverPlan(d.name(), d.probeType(), d.asyncUnsafe(), d.firmware(), d.giveUpOnDeferTimeout(),
                        rnd.nextInt(4) == 0))
                .toList();
        List<DevicePlan> devices = new ArrayList<>();
        for (int i = 0; i < base.devices().size(); i++) {
            DevicePlan d = base.devices().get(i);
            long work = rnd.nextInt(3) == 0 ? rnd.nextInt(500_000) : 0;
            Long discovered = d.parent() >= 0 && rnd.nextInt(3) == 0 ? (long) rnd.nextInt(200_000) : null;
            devices.add(new DevicePlan(d.name(), d.driver(), d.probeUs(), d.parent(), d.suppliers(), d.killable(), share(rnd),
                    work, d.deferCostUs(), share(rnd), rnd.nextBoolean() ? WorkQueue.ASYNC : WorkQueue.WORKQUEUE, discovered));
        }
        // A device found by its parent's work needs work that lasts long enough.
        for (int i = 0; i < devices.size(); i++) {
            DevicePlan d = devices.get(i);
            if (d.discoveredAfterUs() != null) {
                DevicePlan p = devices.get(d.parent());
                if (p.asyncWorkUs() < d.discoveredAfterUs()) {
                    devices.set(d.parent(), new DevicePlan(p.name(), p.driver(), p.probeUs(), p.parent(), p.suppliers(),
                            p.killable(), p.cpu(), d.discoveredAfterUs(), p.deferCostUs(), p.asyncWorkCpu(), p.asyncWorkQueue(),
                            p.discoveredAfterUs()));
                }
            }
        }
        List<ModulePlan> modules = base.modules().stream()
                .map(m -> new ModulePlan(m.name(), m.initUs(), m.loadUs(), m.dependsOn(), m.options(), m.inInitramfs(),
                        m.drivers(), rnd.nextInt(4) == 0 ? new Share(rnd.nextInt(101), rnd.nextBoolean()) : Share.known(100)))
                .toList();
        List<ModuleLoadPlan> loads = new ArrayList<>();
        if (!modules.isEmpty() && rnd.nextBoolean()) {
            List<Integer> names = new ArrayList<>();
            for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
                names.add(rnd.nextInt(modules.size()));
            }
            loads.add(new ModuleLoadPlan(rnd.nextBoolean() ? "initramfs-script" : "systemd-modules-load",
                    rnd.nextBoolean() ? ModuleLoadPlan.Phase.INITRD : ModuleLoadPlan.Phase.ROOTFS, rnd.nextInt(200_000),
                    rnd.nextBoolean(), rnd.nextInt(1_000), names));
        }
        return with(base, drivers, modules, devices, rnd.nextInt(5) != 0, loads);
    }

    private static Share share(Random rnd) {
        return switch (rnd.nextInt(4)) {
            case 0 -> Share.unknown();
            case 1 -> new Share(rnd.nextInt(101), false);
            default -> Share.known(rnd.nextInt(3) == 0 ? rnd.nextInt(101) : 0);
        };
    }

    static Plan with(Plan p, List<DriverPlan> drivers, List<ModulePlan> modules, List<DevicePlan> devices, boolean udev,
            List<ModuleLoadPlan> loads) {
        return new Plan(p.name(), p.kernel(), p.cmdline(), p.modulesEnabled(), p.initramfsPresent(), p.initramfsUnpackUs(),
                p.earlyBootUs(), p.initHandoverUs(), p.systemdVersion(), p.eventTimeoutUs(), p.childrenMax(), p.cpus(),
                p.memoryBytes(), p.firmware(), p.initcalls(), modules, drivers, devices, p.expectsSyncProbe(), p.rootDevice(),
                p.userspace(), udev, loads);
    }

    /** The same plan with every CPU share replaced. */
    static Plan mapShares(Plan p, UnaryOperator<Share> f) {
        List<DevicePlan> devices = p.devices().stream()
                .map(d -> new DevicePlan(d.name(), d.driver(), d.probeUs(), d.parent(), d.suppliers(), d.killable(),
                        f.apply(d.cpu()), d.asyncWorkUs(), d.deferCostUs(), f.apply(d.asyncWorkCpu()), d.asyncWorkQueue(),
                        d.discoveredAfterUs()))
                .toList();
        List<ModulePlan> modules = p.modules().stream()
                .map(m -> new ModulePlan(m.name(), m.initUs(), m.loadUs(), m.dependsOn(), m.options(), m.inInitramfs(),
                        m.drivers(), f.apply(m.loadCpu())))
                .toList();
        return with(p, p.drivers(), modules, devices, p.udev(), p.moduleLoads());
    }

    /** The same plan with userspace's own CPU time between loads (the loader's fork and exec) removed. */
    static Plan withoutLoaderTime(Plan p) {
        List<ModuleLoadPlan> loads = p.moduleLoads().stream()
                .map(l -> new ModuleLoadPlan(l.by(), l.phase(), l.afterUs(), l.parallel(), 0, l.modules())).toList();
        return with(p, p.drivers(), p.modules(), p.devices(), p.udev(), loads);
    }

    /** The same plan on another number of CPUs. */
    static Plan withCpus(Plan p, int cpus) {
        return new Plan(p.name(), p.kernel(), p.cmdline(), p.modulesEnabled(), p.initramfsPresent(), p.initramfsUnpackUs(),
                p.earlyBootUs(), p.initHandoverUs(), p.systemdVersion(), p.eventTimeoutUs(), p.childrenMax(), cpus,
                p.memoryBytes(), p.firmware(), p.initcalls(), p.modules(), p.drivers(), p.devices(), p.expectsSyncProbe(),
                p.rootDevice(), p.userspace(), p.udev(), p.moduleLoads());
    }
}
