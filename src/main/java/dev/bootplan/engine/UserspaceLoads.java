package dev.bootplan.engine;

import dev.bootplan.engine.plan.ModuleLoadPlan;
import dev.bootplan.engine.sim.Step;
import dev.bootplan.engine.sim.Task;
import dev.bootplan.report.SpanKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Modules userspace loads by name rather than through udev: an initramfs script's insmods, systemd-modules-load
 * (modules-load.d), modprobe@ units, PID 1 loading ipv6. Each load is finit_module() in the loader's process, with
 * every rule udev's loads have (kernel/module/main.c: a module already loading is waited for, the global
 * async_synchronize_full() unless async_probe was requested) except udev's event timeout: nobody kills these.
 * A serial list runs in one process, one module chain after another; a parallel one gives each chain a process.
 */
final class UserspaceLoads {

    private static final int FIRST_PID = 300;

    private final Simulation sim;
    private final Map<String, Integer> lanes = new HashMap<>();
    private int nextPid = FIRST_PID;

    UserspaceLoads(Simulation sim) {
        this.sim = sim;
    }

    /** Starts the lists of {@code phase}, each after its own delay. */
    void start(ModuleLoadPlan.Phase phase) {
        for (ModuleLoadPlan list : sim.plan.moduleLoads()) {
            if (list.phase() != phase) {
                continue;
            }
            if (list.parallel()) {
                for (int m : list.modules()) {
                    run(list, List.of(m));
                }
            } else {
                run(list, list.modules());
            }
        }
    }

    private void run(ModuleLoadPlan list, List<Integer> modules) {
        Task task = new Task(lane(list.by()), sim.loop, sim.cpus);
        int pid = nextPid++;
        if (list.afterUs() > 0) {
            task.add(new Step.Work(list.afterUs(), false,
                    (start, k) -> sim.timeline.add(task.lane(), SpanKind.userspace, list.by() + " starting", start, sim.now())));
        }
        for (int m : modules) {
            task.add(new Step.Run(() -> sim.loader.loadChain(sim.chains.of(m), 0, task, pid, null, list.intervalUs())));
        }
        task.start();
    }

    /** One lane per process: the loader's name, numbered from the second process on. */
    private String lane(String by) {
        int n = lanes.merge(by, 1, Integer::sum);
        return n == 1 ? by : by + "-" + n;
    }
}
