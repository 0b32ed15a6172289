package dev.bootplan.engine;

import dev.bootplan.engine.sim.Step;
import dev.bootplan.engine.sim.Task;

/**
 * From /init to the end of coldplug: with an initramfs, udev inside the initrd loads what the initramfs
 * holds, the real root is mounted once that queue drained and the root device is bound, then udev on the
 * real root loads the rest; without one, the root is already mounted and one coldplug loads everything.
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
        if (!sim.plan.initramfsPresent()) {
            rootfsColdplug();
            return;
        }
        sim.udev.coldplug(sim.settings.udevInitrd(), Udev.inInitramfs(sim), () -> {
            if (sim.plan.rootDevice() != null) {
                systemd.add(new Step.Await(sim.rootReady, false, (s, k) -> {}));
            }
            systemd.add(new Step.Run(() -> {
                sim.rootMounted = true;
                sim.rootMountedUs = sim.now();
                rootfsColdplug();
            }));
            systemd.start();
        });
    }

    private void rootfsColdplug() {
        sim.udev.coldplug(sim.settings.udevRootfs(), d -> true, () -> sim.udevSettledUs = sim.now());
    }
}
