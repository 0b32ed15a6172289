package dev.bootplan.engine;

import dev.bootplan.engine.sim.EventLoop;
import dev.bootplan.engine.sim.Gate;
import dev.bootplan.engine.sim.Processors;
import dev.bootplan.engine.sim.Step;
import dev.bootplan.engine.sim.Task;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Map;
import java.util.function.Function;

/**
 * kernel/async.c on its workqueue: at most {@code maxActive} items run at once (lanes async-N), the rest
 * wait in order; {@link #idle} is what async_synchronize_full() sleeps on. Items of an exclusive domain
 * (the initramfs unpack) run on the pool but are not waited for by it.
 */
final class AsyncPool {

    record Item(String owner, boolean exclusive, Function<Task, List<Step>> body) {}

    final Gate idle;
    private final EventLoop loop;
    private final int maxActive;
    private final ArrayDeque<Item> waiting = new ArrayDeque<>();
    private final PriorityQueue<Integer> freeSlots = new PriorityQueue<>();
    private final List<Task> slots = new ArrayList<>();
    private final List<Map<String, Long>> watchers = new ArrayList<>();
    private int running;
    private int pending;
    private int peakPending;
    private long firstSaturationUs = -1;
    private int queuedBehindLimit;

    private final Processors cpus;

    AsyncPool(EventLoop loop, Processors cpus, int maxActive) {
        this.loop = loop;
        this.cpus = cpus;
        this.maxActive = maxActive;
        this.idle = new Gate(loop, true);
    }

    /** Entries not yet finished, as async.c's entry_count counts them (MAX_WORK is checked against it). */
    int pending() {
        return pending;
    }

    int peakPending() {
        return peakPending;
    }

    long firstSaturationUs() {
        return firstSaturationUs;
    }

    int queuedBehindLimit() {
        return queuedBehindLimit;
    }

    int maxActive() {
        return maxActive;
    }

    void queue(Item item) {
        if (!item.exclusive()) {
            pending++;
            peakPending = Math.max(peakPending, pending);
            idle.set(false);
        }
        if (running < maxActive) {
            start(item);
        } else {
            if (firstSaturationUs < 0) {
                firstSaturationUs = loop.now();
            }
            queuedBehindLimit++;
            waiting.addLast(item);
        }
    }

    /** Owner → last finish time of every item that finishes from now until {@link #unwatch} (a global wait's "waited on"). */
    Map<String, Long> watch() {
        Map<String, Long> owners = new HashMap<>();
        watchers.add(owners);
        return owners;
    }

    void unwatch(Map<String, Long> owners) {
        watchers.remove(owners);
    }

    private void start(Item item) {
        running++;
        int slot;
        if (freeSlots.isEmpty()) {
            slot = slots.size();
            slots.add(new Task("async-" + slot, loop, cpus));
        } else {
            slot = freeSlots.poll();
        }
        Task task = slots.get(slot);
        task.onIdle(() -> finished(slot, item));
        task.pushFront(item.body().apply(task));
        task.add(new Step.Run(() -> {})); // keeps an empty body from finishing inside queue()
        task.start();
    }

    private void finished(int slot, Item item) {
        running--;
        freeSlots.add(slot);
        for (Map<String, Long> w : watchers) {
            w.put(item.owner(), loop.now());
        }
        if (!waiting.isEmpty()) {
            start(waiting.pollFirst());
        }
        if (!item.exclusive()) {
            pending--;
            if (pending == 0) {
                idle.open();
            }
        }
    }
}
