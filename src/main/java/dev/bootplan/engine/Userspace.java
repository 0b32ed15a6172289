package dev.bootplan.engine;

import dev.bootplan.engine.plan.ModuleLoadPlan;
import dev.bootplan.engine.plan.UserspaceTimes;
import dev.bootplan.engine.sim.Step;
import dev.bootplan.engine.sim.Task;
import dev.bootplan.report.SpanKind;

/**
 * From /init to the end of coldplug: with an initramfs, udev inside the initrd loads what the initramfs
 * holds, the real root is mounted once that queue drained and the root device is bound, then udev on the
 * real root loads the rest; without one, the root is already mounted and one coldplug loads everything.
 * Userspace's own time before each coldplug (systemd starting, fsck, switch_root) comes from the plan; it is
 * waiting as far as the kernel is concerned, drawn on PID 1's lane.
 */
final class Userspace {

    private final Simulation sim;
    private final Task systemd;

    Userspace(Simulation sim) {
        this.sim = sim;
        this.systemd = new Task("pid1", sim.loop, sim.cpus);
    }

    void start() {
        sim.initStartUs = sim.now();
        sim.userspaceStarted = true;
        UserspaceTimes times = sim.plan.userspace();
        sim.userspaceLoads.start(ModuleLoadPlan.Phase.INITRD);
        if (!sim.plan.initramfsPresent()) {
            sim.userspaceLoads.start(ModuleLoadPlan.Phase.ROOTFS); // the real root is already mounted
            after(times.rootStartupUs(), "rootfs startup", this::rootfsColdplug);
            systemd.start();
            return;
        }
        after(times.initrdStartupUs(), "initrd startup", () -> initrdColdplug(() -> {
            if (sim.plan.rootDevice() != null) {
                systemd.add(new Step.Await(sim.rootReady, false, (s, k) -> {}));
            }
            after(times.rootSwitchUs(), "switch root", () -> {
                sim.rootMounted = true;
                sim.rootMountedUs = sim.now();
                sim.userspaceLoads.start(ModuleLoadPlan.Phase.ROOTFS);
            });
            after(times.rootStartupUs(), "rootfs startup", this::rootfsColdplug);
            systemd.start();
        }));
        systemd.start();
    }

    /** Queues {@code us} of userspace time (a span when non-zero), then {@code then}. */
    private void after(long us, String what, Runnable then) {
        if (us > 0) {
            systemd.add(new Step.Work(us, false,
                    (start, killed) -> sim.timeline.add(systemd.lane(), SpanKind.userspace, what, start, sim.now())));
        }
        systemd.add(new Step.Run(then));
    }

    /** The initrd's coldplug, then {@code drained}; a boot without udevd has none and goes straight on. */
    private void initrdColdplug(Runnable drained) {
        if (sim.plan.udev()) {
            sim.udev.coldplug(sim.settings.udevInitrd(), Udev.inInitramfs(sim), drained);
        } else {
            sim.loop.at(sim.now(), drained);
        }
    }

    /** The real root's coldplug; without udevd nothing replays events (and nothing hotplugs: udev never started). */
    private void rootfsColdplug() {
        if (sim.plan.udev()) {
            sim.udev.coldplug(sim.settings.udevRootfs(), d -> true, () -> sim.udevSettledUs = sim.now());
        }
    }
}
