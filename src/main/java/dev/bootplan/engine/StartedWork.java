package dev.bootplan.engine;

import dev.bootplan.engine.plan.DevicePlan;
import dev.bootplan.engine.plan.WorkQueue;
import dev.bootplan.engine.sim.Step;
import dev.bootplan.engine.sim.Task;
import dev.bootplan.report.SpanKind;
import java.util.ArrayList;
import java.util.List;

/** The work a probe starts and returns without waiting for, on its queue, creating devices as it goes. */
final class StartedWork {

    private final Simulation sim;
    private final Probing probing;

    StartedWork(Simulation sim, Probing probing) {
        this.sim = sim;
        this.probing = probing;
    }

    /**
     * Work a probe hands on and returns without waiting for: async_schedule() into the async domain (kernel/async.c;
     * libata's async_port_probe, scsi_scan_host's do_scan_async, nvme's async probe), which every
     * async_synchronize_full() waits for, or another work queue (hub_wq's hub_event, usb-storage's scan work), which
     * nothing waits for. In the sync mode async-domain work runs inline; so does any past MAX_WORK (async_schedule_node
     * runs the function synchronously when the entry cannot be queued).
     */
    List<Step> start(int d, Task task) {
        DevicePlan dev = sim.plan.devices().get(d);
        if (dev.asyncWorkQueue() == WorkQueue.WORKQUEUE) {
            sim.workqueues.queue(t -> workSteps(d, t));
            return List.of();
        }
        if (sim.policy.inlineAsyncWork() || sim.async.pending() > BootSettings.MAX_WORK) {
            return workSteps(d, task);
        }
        task.usedAsync = true;
        sim.async.queue(new AsyncPool.Item(sim.ownerOf(d), false, t -> workSteps(d, t)));
        return List.of();
    }

    /** The work's own time in segments, each ending where it creates a device (device_add(): it probes at once if it can). */
    private List<Step> workSteps(int d, Task task) {
        DevicePlan dev = sim.plan.devices().get(d);
        int share = sim.cpuShare(dev.asyncWorkCpu());
        String name = sim.deviceName(d);
        long[] start = new long[1];
        long[] contended = new long[1];
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Run(() -> start[0] = sim.now()));
        long done = 0;
        for (int c : sim.discoveredByWork(d)) {
            long at = Math.min(sim.plan.devices().get(c).discoveredAfterUs(), dev.asyncWorkUs());
            steps.add(segment(at - done, share, contended, (s, k) -> {}));
            steps.add(new Step.Run(() -> task.pushFront(probing.deviceAdded(c, task))));
            done = at;
        }
        steps.add(segment(dev.asyncWorkUs() - done, share, contended,
                (s, k) -> sim.timeline.add(task.lane(), SpanKind.asyncWork, name, start[0], sim.now(), contended[0])));
        return steps;
    }

    /** One stretch of work, adding what it lost to CPU contention to {@code contended}. */
    private Step segment(long ownUs, int share, long[] contended, Step.WorkEnd then) {
        return new Step.Work(ownUs, share, false, (start, killed) -> {
            contended[0] += Math.max(0, sim.now() - start - ownUs);
            then.ended(start, killed);
        });
    }
}
