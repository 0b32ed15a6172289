package dev.bootplan.engine;

import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.sim.Step;
import dev.bootplan.engine.sim.Task;
import dev.bootplan.report.SpanKind;
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

    List<Step> finit(int m, Task task, UdevEvent event) {
        return List.of(new Step.Run(() -> {
            ModuleRun run = sim.modules[m];
            run.state = ModuleRun.State.LOADING;
            run.loadStartUs = sim.now();
            run.loadedBy = event;
            task.usedAsync = false;
            long loadStart = sim.now();
            task.pushFront(List.of(
                    new Step.Work(sim.plan.modules().get(m).loadUs(), false, (s, k) -> {}),
                    new Step.Run(() -> initRoutine(m, task, event, loadStart))));
        }));
    }

    private void initRoutine(int m, Task task, UdevEvent event, long loadStart) {
        ModulePlan module = sim.plan.modules().get(m);
        long initStart = sim.now();
        sim.log.calling(initStart, initFunction(module), module.name(), event.pid);
        task.pushFront(List.of(
                new Step.Work(module.initUs(), false, (s, k) -> {}),
                new Step.Run(() -> task.pushFront(sim.probing.register(module.drivers(), task,
                        () -> initReturned(m, task, loadStart, initStart, event))))));
    }

    static String initFunction(ModulePlan module) {
        return module.name() + "_init";
    }

    private void initReturned(int m, Task task, long loadStart, long initStart, UdevEvent event) {
        ModulePlan module = sim.plan.modules().get(m);
        ModuleRun run = sim.modules[m];
        sim.timeline.add(task.lane(), SpanKind.moduleInit, module.name(), initStart, sim.now());
        sim.log.initcallReturned(sim.now(), initFunction(module), module.name(), 0, sim.now() - initStart);
        run.state = ModuleRun.State.LIVE;
        boolean waits = !run.asyncRequested
                && (sim.knobs.version().compareTo(Knobs.UNCONDITIONAL_MODULE_WAIT) >= 0 || task.usedAsync);
        Runnable returned = () -> {
            run.loadEndUs = sim.now();
            sim.timeline.add(task.lane(), SpanKind.moduleLoad, module.name(), loadStart, sim.now());
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
