package dev.bootplan.engine.sim;

import java.util.ArrayDeque;
import java.util.List;

/**
 * A kernel or userspace thread of execution (PID 1, an async worker, a udev worker, the deferred-probe
 * work): a lane on the timeline and a deque of steps it runs one after another. Steps pushed to the
 * front run next, which is how a nested synchronous probe runs inside its parent's.
 */
public final class Task {

    private final String lane;
    private final EventLoop loop;
    private final ArrayDeque<Step> steps = new ArrayDeque<>();
    private Runnable onIdle = () -> {};
    private boolean running;
    private Step current;
    private long currentStart;
    private EventLoop.Scheduled currentEnd;
    private Runnable currentWake;
    private boolean fatalSignal;

    /** PF_USED_ASYNC: this task queued async work since the flag was last cleared (do_init_module() reads it). */
    public boolean usedAsync;

    private final Processors cpus;
    private Processors.Job currentJob;

    public Task(String lane, EventLoop loop, Processors cpus) {
        this.lane = lane;
        this.loop = loop;
        this.cpus = cpus;
    }

    public String lane() {
        return lane;
    }

    public void onIdle(Runnable onIdle) {
        this.onIdle = onIdle;
    }

    public boolean fatalSignal() {
        return fatalSignal;
    }

    public boolean isIdle() {
        return !running && current == null && steps.isEmpty();
    }

    public void clearFatalSignal() {
        fatalSignal = false;
    }

    public void add(Step step) {
        steps.addLast(step);
    }

    /** Puts {@code next} in front of whatever the task was going to do, in the given order. */
    public void pushFront(List<? extends Step> next) {
        for (int i = next.size() - 1; i >= 0; i--) {
            steps.addFirst(next.get(i));
        }
    }

    public void clearSteps() {
        steps.clear();
    }

    /** Starts an idle task on the steps it was given; does nothing to a busy one or one with nothing to do. */
    public void start() {
        if (!steps.isEmpty()) {
            resume();
        }
    }

    /** Runs steps until one takes time; reports idleness when the deque runs dry. */
    private void resume() {
        if (running || current != null) {
            return;
        }
        running = true;
        try {
            while (current == null && !steps.isEmpty()) {
                Step step = steps.pollFirst();
                switch (step) {
                    case Step.Run r -> r.action().run();
                    case Step.Work w -> begin(w);
                    case Step.Await a -> sleep(a, loop.now());
                }
            }
        } finally {
            running = false;
        }
        if (current == null && steps.isEmpty()) {
            onIdle.run();
        }
    }

    private void begin(Step.Work w) {
        if (w.killable() && fatalSignal) {
            w.onEnd().ended(loop.now(), true);
            return;
        }
        current = w;
        currentStart = loop.now();
        if (w.cpuPercent() == 0 || w.durationUs() == 0) {
            currentEnd = loop.after(w.durationUs(), () -> finishWork(w, false));
        } else {
            currentJob = cpus.submit(w.durationUs(), w.cpuPercent(), w.lock(), () -> finishWork(w, false));
        }
    }

    private void finishWork(Step.Work w, boolean interrupted) {
        current = null;
        currentEnd = null;
        currentJob = null;
        w.onEnd().ended(currentStart, interrupted);
        resume();
    }

    private void sleep(Step.Await a, long since) {
        if (a.gate().isOpen()) {
            a.onEnd().ended(since, false);
            return;
        }
        if (a.killable() && fatalSignal) {
            a.onEnd().ended(since, true);
            return;
        }
        current = a;
        currentStart = since;
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            if (currentWake != self[0]) {
                return; // superseded by a kill
            }
            current = null;
            currentWake = null;
            sleep(a, since); // re-check, as wait_event() does; may sleep again
            resume();
        };
        currentWake = self[0];
        a.gate().sleep(self[0]);
    }

    /**
     * Delivers a fatal signal (udev's SIGKILL): killable work and killable sleeps in progress end now;
     * later killable steps end as they begin.
     */
    public void kill() {
        fatalSignal = true;
        if (current instanceof Step.Work w && w.killable()) {
            if (currentJob != null) {
                cpus.cancel(currentJob);
                currentJob = null;
            } else {
                currentEnd.cancel();
            }
            currentEnd = loop.at(loop.now(), () -> finishWork(w, true));
        } else if (current instanceof Step.Await a && a.killable()) {
            a.gate().forget(currentWake);
            long since = currentStart;
            Runnable[] self = new Runnable[1];
            self[0] = () -> {
                if (currentWake != self[0]) {
                    return;
                }
                current = null;
                currentWake = null;
                a.onEnd().ended(since, true);
                resume();
            };
            currentWake = self[0];
            loop.at(loop.now(), self[0]);
        }
    }
}
