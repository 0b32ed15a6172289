package dev.bootplan.engine;

import dev.bootplan.engine.sim.EventLoop;
import dev.bootplan.engine.sim.Step;
import dev.bootplan.engine.sim.Task;
import dev.bootplan.report.SpanKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * systemd-udevd during coldplug (probe-model.md §4.2, §7): events in order, at most children_max workers,
 * an event held back while an event for one of its device's ancestors is unfinished, each worker loading
 * its device's module chain with kmod (dependencies first), warning at T/3 and killing at its kill time.
 */
final class Udev {

    private final Simulation sim;
    /** Queued events no unfinished ancestor event holds back, in seqnum order: the head goes to the next free worker. */
    private final TreeMap<Long, UdevEvent> ready = new TreeMap<>();
    /** Queued events held back, under the ancestor device whose unfinished event holds them (released when it ends). */
    private final Map<Integer, List<UdevEvent>> blockedOn = new HashMap<>();
    private final int[] unfinishedOf;
    private final List<Task> workers = new ArrayList<>();
    private final PriorityQueue<Integer> freeWorkers = new PriorityQueue<>();
    private final List<UdevEvent> events = new ArrayList<>();
    private long nextSeq;
    private boolean dispatching;
    private boolean dispatchAgain;
    private int busy;
    private int unfinished;
    private UdevSettings current;
    private IntPredicate loadable = d -> true;
    private Runnable onDrained;
    long lastEventEndUs = -1;
    long firstSaturationUs = -1;
    int waitedForWorker;

    Udev(Simulation sim) {
        this.sim = sim;
        this.unfinishedOf = new int[sim.plan.devices().size()];
    }

    List<UdevEvent> events() {
        return events;
    }

    /**
     * udevadm trigger: an add event for every present device whose driver's module is not loaded yet and
     * whose module chain {@code loadable} allows (inside the initrd: every module of the chain in the
     * initramfs); {@code onDrained} runs once the queue has emptied.
     */
    void coldplug(UdevSettings settings, IntPredicate loadable, Runnable onDrained) {
        this.current = settings;
        this.loadable = loadable;
        this.onDrained = onDrained;
        for (int d : ColdplugOrder.of(sim.plan)) {
            if (sim.status[d] != DevStatus.ABSENT) {
                enqueueIfNeeded(d);
            }
        }
        dispatch();
        if (unfinished == 0) {
            drained();
        }
    }

    /** A device created during the userspace phase: its add uevent. */
    void hotplug(int d) {
        if (current != null) {
            enqueueIfNeeded(d);
            dispatch();
        }
    }

    private void enqueueIfNeeded(int d) {
        int drv = sim.driverOf(d);
        int m = sim.ownerModule[drv];
        if (m < 0 || sim.modules[m].state == ModuleRun.State.LIVE || !loadable.test(d)) {
            return; // built in, already loaded (kmod skips it), or not found in this root
        }
        UdevEvent e = new UdevEvent(d, m, current, 1000 + nextSeq++);
        events.add(e);
        unfinished++;
        if (unfinishedOf[d]++ == 0) {
            holdBackDescendantsOf(d);
        }
        place(e);
    }

    /** A queued event goes to the ready queue, or under the nearest ancestor whose unfinished event holds it back. */
    private void place(UdevEvent e) {
        int ancestor = blockingAncestor(e.device);
        if (ancestor < 0) {
            ready.put(e.seqnum, e);
        } else {
            blockedOn.computeIfAbsent(ancestor, k -> new ArrayList<>()).add(e);
        }
    }

    private int blockingAncestor(int d) {
        int steps = 0;
        int found = -1;
        for (int p = sim.plan.devices().get(d).parent(); p >= 0; p = sim.plan.devices().get(p).parent()) {
            steps++;
            if (unfinishedOf[p] > 0) {
                found = p;
                break;
            }
        }
        sim.loop.charge(steps);
        return found;
    }

    /**
     * A device that gets an event while events of its descendants are ready (rare: coldplug replays parents first)
     * holds them back from now on, as udevd's check at dispatch would.
     */
    private void holdBackDescendantsOf(int d) {
        if (ready.isEmpty() || sim.children[d].length == 0) {
            return;
        }
        sim.loop.charge(ready.size());
        for (Iterator<UdevEvent> it = ready.values().iterator(); it.hasNext(); ) {
            UdevEvent e = it.next();
            if (blockingAncestor(e.device) >= 0) {
                it.remove();
                place(e);
            }
        }
    }

    /** Hands queued events to free workers; an event that ends at once re-enters here, which only asks for another pass. */
    private void dispatch() {
        if (dispatching) {
            dispatchAgain = true;
            return;
        }
        dispatching = true;
        try {
            do {
                dispatchAgain = false;
                dispatchPass();
            } while (dispatchAgain);
        } finally {
            dispatching = false;
        }
    }

    private void dispatchPass() {
        while (!ready.isEmpty()) {
            UdevEvent e = ready.firstEntry().getValue();
            if (busy >= e.settings.childrenMax()) {
                if (firstSaturationUs < 0) {
                    firstSaturationUs = sim.now();
                }
                waitedForWorker++;
                return;
            }
            ready.pollFirstEntry();
            run(e);
        }
    }

    private void run(UdevEvent e) {
        int slot;
        if (freeWorkers.isEmpty()) {
            slot = workers.size();
            workers.add(new Task("udev-worker-" + slot, sim.loop, sim.cpus));
        } else {
            slot = freeWorkers.poll();
        }
        Task task = workers.get(slot);
        task.clearFatalSignal(); // a new worker process
        busy++;
        e.lane = task.lane();
        e.pid = 412 + slot;
        e.handedOffUs = sim.now();
        List<EventLoop.Scheduled> timers = new ArrayList<>();
        if (e.settings.warnAfterUs() != null) {
            timers.add(sim.loop.after(e.settings.warnAfterUs(), () -> {
                e.warned = true;
                sim.log.print(sim.now(), sim.deviceName(e.device) + ": Worker [" + e.pid + "] processing SEQNUM="
                        + e.seqnum + " is taking a long time");
            }));
        }
        timers.add(sim.loop.after(e.settings.killAfterUs(), () -> {
            e.killed = true;
            sim.log.print(sim.now(), sim.deviceName(e.device) + ": Worker [" + e.pid + "] processing SEQNUM="
                    + e.seqnum + " killed");
            task.kill();
        }));
        task.onIdle(() -> finish(e, slot, timers));
        task.add(new Step.Run(() -> sim.loader.loadChain(sim.chains.of(e.module), 0, task, e.pid, e, 0)));
        task.start();
    }

    private void finish(UdevEvent e, int slot, List<EventLoop.Scheduled> timers) {
        e.endUs = sim.now();
        for (EventLoop.Scheduled t : timers) {
            t.cancel();
        }
        sim.timeline.add(e.lane, SpanKind.udevEvent, sim.deviceName(e.device), e.handedOffUs, e.endUs);
        busy--;
        freeWorkers.add(slot);
        unfinished--;
        if (--unfinishedOf[e.device] == 0) {
            List<UdevEvent> held = blockedOn.remove(e.device);
            if (held != null) {
                held.forEach(this::place);
            }
        }
        lastEventEndUs = Math.max(lastEventEndUs, e.endUs);
        dispatch();
        if (unfinished == 0) {
            drained();
        }
    }

    private void drained() {
        Runnable r = onDrained;
        onDrained = null;
        if (r != null) {
            sim.loop.at(sim.now(), r);
        }
    }

    /** Every module of the chain is in the initramfs (inside the initrd kmod finds nothing else). */
    static IntPredicate inInitramfs(Simulation sim) {
        return d -> {
            int m = sim.ownerModule[sim.driverOf(d)];
            return sim.chains.allInInitramfs(m);
        };
    }
}
