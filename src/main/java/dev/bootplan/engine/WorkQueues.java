package dev.bootplan.engine;

import dev.bootplan.engine.sim.EventLoop;
import dev.bootplan.engine.sim.Processors;
import dev.bootplan.engine.sim.Step;
import dev.bootplan.engine.sim.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Work queues other than the async domain (kernel/workqueue.c: hub_wq, system_freezable_wq…): each item runs on a
 * kworker lane (workqueue-N) of its own as soon as it is queued, and nothing waits for it — neither
 * async_synchronize_full() nor a module load.
 */
final class WorkQueues {

    private final EventLoop loop;
    private final Processors cpus;
    private final List<Task> lanes = new ArrayList<>();
    private final PriorityQueue<Integer> free = new PriorityQueue<>();

    WorkQueues(EventLoop loop, Processors cpus) {
        this.loop = loop;
        this.cpus = cpus;
    }

    void queue(Function<Task, List<Step>> body) {
        int slot;
        if (free.isEmpty()) {
            slot = lanes.size();
            lanes.add(new Task("workqueue-" + slot, loop, cpus));
        } else {
            slot = free.poll();
        }
        Task task = lanes.get(slot);
        task.onIdle(() -> free.add(slot));
        task.pushFront(body.apply(task));
        task.add(new Step.Run(() -> {})); // keeps an empty body from finishing inside queue()
        task.start();
    }
}
