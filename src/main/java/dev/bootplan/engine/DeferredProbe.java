package dev.bootplan.engine;

import dev.bootplan.engine.sim.EventLoop;
import dev.bootplan.engine.sim.Gate;
import dev.bootplan.engine.sim.IntQueue;
import dev.bootplan.engine.sim.Step;
import dev.bootplan.engine.sim.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * drivers/base/dd.c deferred probing: the pending list, the one work item (lane "deferred") that walks
 * the active list one device at a time, retries enabled only by deferred_probe_initcall, and the
 * deferred-probe timeout, re-armed by every driver registration while it is pending (driver.c).
 */
final class DeferredProbe {

    private final Simulation sim;
    final Task worker;
    final Gate idle;
    /** The pending list, in order, each device once (inPending marks who is on it). */
    private final IntQueue pending = new IntQueue();
    private final boolean[] inPending;
    private final IntQueue active = new IntQueue();
    private boolean enabled;
    private boolean walking;
    private EventLoop.Scheduled timer;
    private boolean fired;
    private long firedAtUs = -1;
    private boolean reportWhenIdle;
    private final List<Integer> pendingAtTimeout = new ArrayList<>();

    DeferredProbe(Simulation sim) {
        this.sim = sim;
        this.worker = new Task("deferred", sim.loop, sim.cpus);
        this.idle = new Gate(sim.loop, true);
        this.inPending = new boolean[sim.plan.devices().size()];
        worker.onIdle(this::walkDone);
    }

    void add(int d) {
        if (!inPending[d]) {
            inPending[d] = true;
            pending.add(d);
        }
    }

    /** deferred_probe_initcall: from now on every bind triggers a retry. */
    void enable() {
        enabled = true;
    }

    boolean timedOut() {
        return fired;
    }

    long firedAtUs() {
        return firedAtUs;
    }

    List<Integer> pendingAtTimeout() {
        return pendingAtTimeout;
    }

    /** driver_deferred_probe_trigger(): splice pending onto active and make sure the work runs. */
    void trigger() {
        if (!enabled) {
            return;
        }
        sim.loop.charge(pending.size());
        for (int d = pending.poll(); d >= 0; d = pending.poll()) {
            inPending[d] = false;
            active.add(d);
        }
        if (!walking && !active.isEmpty()) {
            walking = true;
            idle.set(false);
            worker.add(new Step.Run(this::next));
            worker.start();
        }
    }

    private void next() {
        int d = active.poll();
        // Retries that change nothing take no time: walk past them in this step, counting each as work done.
        while (d >= 0 && sim.probing.retryChangesNothing(d)) {
            sim.attempts[d]++;
            add(d);
            sim.loop.charge(1);
            d = active.poll();
        }
        if (d < 0) {
            return;
        }
        List<Step> steps = new ArrayList<>();
        if (sim.status[d] == DevStatus.DEFERRED) {
            // bus_probe_device → __device_attach(dev, allow_async=true): async-capable drivers only get an item queued.
            steps.addAll(sim.policy.driverAsync()[sim.driverOf(d)]
                    ? sim.probing.queueAsyncProbe(d, worker)
                    : List.of(sim.probing.probe(d, worker, false)));
        }
        steps.add(new Step.Run(this::next));
        worker.pushFront(steps);
    }

    private void walkDone() {
        walking = false;
        idle.open();
        if (reportWhenIdle) {
            reportWhenIdle = false;
            for (int d : pending.toArray()) {
                pendingAtTimeout.add(d);
                sim.log.print(sim.now(), sim.deviceName(d) + ": deferred probe pending: waiting for "
                        + (sim.waitedOnSupplier[d] >= 0 ? sim.deviceName(sim.waitedOnSupplier[d]) : "a supplier"));
            }
        }
    }

    /** Armed at the end of deferred_probe_initcall when the timeout is positive. */
    void arm() {
        if (sim.settings.deferredTimeoutUs() > 0) {
            timer = sim.loop.after(sim.settings.deferredTimeoutUs(), this::fire);
        }
    }

    /** deferred_probe_extend_timeout(): only a timer still pending is pushed back. */
    void driverRegistered() {
        if (timer != null && !fired) {
            timer.cancel();
            timer = sim.loop.after(sim.settings.deferredTimeoutUs(), this::fire);
        }
    }

    private void fire() {
        fired = true;
        firedAtUs = sim.now();
        reportWhenIdle = true;
        trigger();
        if (!walking) {
            walkDone();
        }
    }
}
