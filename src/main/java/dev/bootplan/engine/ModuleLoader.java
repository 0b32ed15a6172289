package dev.bootplan.engine;

import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.sim.Gate;
import dev.bootplan.engine.sim.Step;
import dev.bootplan.engine.sim.Task;
import dev.bootplan.report.SpanKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * finit_module() of one module in a udev worker (kernel/module/main.c: load_module, do_init_module):
 * the .ko load overhead, the init routine with its synchronous probes, LIVE, then — for a module without
 * async_probe_requested — async_synchronize_full(), which waits for every async item in the system
 * (from v5.18 unconditionally; before only if this task queued async work itself, PF_USED_ASYNC).
 */
final class ModuleLoader {

    private final Simulation sim;

    ModuleLoader(Simulation sim) {
        this.sim = sim;
    }

    /**
     * finit_module() on {@code task} (process {@code pid}): for a udev worker's {@code event}, or for userspace loading
     * the module by name ({@code event} null; the task's lane names the loader).
     */
    List<Step> finit(int m, Task task, int pid, UdevEvent event) {
        return List.of(new Step.Run(() -> {
            ModuleRun run = sim.modules[m];
            ModulePlan module = sim.plan.modules().get(m);
            run.state = ModuleRun.State.LOADING;
            run.loadStartUs = sim.now();
            run.loadedBy = event;
            task.usedAsync = false;
            long loadStart = sim.now();
            // load_module() is CPU work of the calling task: it competes with everything else that computes.
            task.pushFront(List.of(
                    new Step.Work(module.loadUs(), sim.cpuShare(module.loadCpu()), false,
                            (s, k) -> run.loadContendedUs = Math.max(0, sim.now() - s - module.loadUs())),
                    new Step.Run(() -> initRoutine(m, task, pid, loadStart))));
        }));
    }

    private void initRoutine(int m, Task task, int pid, long loadStart) {
        ModulePlan module = sim.plan.modules().get(m);
        long initStart = sim.now();
        sim.log.calling(initStart, initFunction(module), module.name(), pid);
        task.pushFront(List.of(
                new Step.Work(module.initUs(), false, (s, k) -> {}),
                new Step.Run(() -> task.pushFront(sim.probing.register(module.drivers(), task,
                        () -> initReturned(m, task, loadStart, initStart))))));
    }

    /**
     * kmod loading {@code chain} from position {@code i}, dependencies first (libkmod's kmod_module_probe_insert_module):
     * a LIVE module is skipped, one another task is loading makes this one sleep in finit_module() until that load
     * returns, any other is loaded, each after {@code intervalUs} of the loader's own CPU (a shell's fork and exec).
     * A task with a fatal signal stops: a killed worker dies once its syscall returns.
     */
    void loadChain(int[] chain, int i, Task task, int pid, UdevEvent event, long intervalUs) {
        loadChain(new Chain(chain, task, pid, event, intervalUs), i, false);
    }

    private record Chain(int[] modules, Task task, int pid, UdevEvent event, long intervalUs) {}

    private void loadChain(Chain c, int i, boolean intervalSpent) {
        Task task = c.task();
        if (task.fatalSignal() || i == c.modules().length) {
            return;
        }
        int m = c.modules()[i];
        ModuleRun run = sim.modules[m];
        Step next = new Step.Run(() -> loadChain(c, i + 1, false));
        switch (run.state) {
            case LIVE -> task.pushFront(List.of(next));
            case LOADING -> task.pushFront(List.of(new Step.Await(duplicateLoadEnds(run), true, (since, killed) -> {
                if (sim.now() > since) {
                    sim.timeline.add(task.lane(), SpanKind.moduleWait, sim.plan.modules().get(m).name(), since, sim.now());
                }
                if (!killed) {
                    task.pushFront(List.of(next));
                }
            })));
            case NOT_LOADED -> {
                if (c.intervalUs() > 0 && !intervalSpent) {
                    // The loader's own time first; another task may start this module meanwhile, so look again after.
                    task.pushFront(List.of(new Step.Work(c.intervalUs(), 100, false, (s, k) -> {}),
                            new Step.Run(() -> loadChain(c, i, true))));
                    return;
                }
                List<Step> steps = new ArrayList<>(finit(m, task, c.pid(), c.event()));
                steps.add(next);
                task.pushFront(steps);
            }
        }
    }

    /** When a finit_module() of a module another task is loading returns (see {@link Knobs#IDEMPOTENT_LOAD}). */
    private Gate duplicateLoadEnds(ModuleRun run) {
        return sim.knobs.version().compareTo(Knobs.IDEMPOTENT_LOAD) >= 0 ? run.returned : run.live;
    }

    static String initFunction(ModulePlan module) {
        return module.name() + "_init";
    }

    private void initReturned(int m, Task task, long loadStart, long initStart) {
        ModulePlan module = sim.plan.modules().get(m);
        ModuleRun run = sim.modules[m];
        sim.timeline.add(task.lane(), SpanKind.moduleInit, module.name(), initStart, sim.now());
        sim.log.initcallReturned(sim.now(), initFunction(module), module.name(), 0, sim.now() - initStart);
        run.state = ModuleRun.State.LIVE;
        run.live.open();
        boolean waits = !run.asyncRequested
                && (sim.knobs.version().compareTo(Knobs.UNCONDITIONAL_MODULE_WAIT) >= 0 || task.usedAsync);
        Runnable returned = () -> {
            run.loadEndUs = sim.now();
            sim.timeline.add(task.lane(), SpanKind.moduleLoad, module.name(), loadStart, sim.now(), run.loadContendedUs);
            run.returned.open();
        };
        if (!waits) {
            task.pushFront(List.of(new Step.Run(returned)));
            return;
        }
        Map<String, Long> finishedDuringWait = sim.async.watch();
        task.pushFront(List.of(
                new Step.Await(sim.async.idle, false, (since, k) -> {
                    sim.async.unwatch(finishedDuringWait);
                    run.waitStartUs = since;
                    run.waitEndUs = sim.now();
                    Long own = finishedDuringWait.remove(module.name());
                    run.lastOwnAsyncEndUs = own == null ? -1 : own;
                    run.waitedOn.addAll(finishedDuringWait.keySet());
                    if (sim.now() > since) {
                        sim.timeline.add(task.lane(), SpanKind.globalWait, module.name(), since, sim.now());
                    }
                }),
                new Step.Run(returned)));
    }
}
