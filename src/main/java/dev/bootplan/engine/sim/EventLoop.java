package dev.bootplan.engine.sim;

import dev.bootplan.engine.WorkBudgetExceededException;
import java.util.PriorityQueue;

/**
 * A deterministic discrete-event loop: events ordered by (time, sequence number), never scheduled in
 * the past, integer microseconds, a hard budget on the events one simulation may process.
 */
public final class EventLoop {

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
    private final long budget;
    private long now;
    private long sequence;
    private long processed;
    private long charged;

    public EventLoop(long budget) {
        this.budget = budget;
    }

    public long now() {
        return now;
    }

    public long processed() {
        return processed;
    }

    /** Runs {@code action} at {@code time}; events at the same time run in the order they were scheduled. */
    public Scheduled at(long time, Runnable action) {
        if (time < now) {
            throw new IllegalStateException("cannot schedule at " + time + " before now " + now);
        }
        Scheduled s = new Scheduled(time, sequence++, action);
        queue.add(s);
        return s;
    }

    public Scheduled after(long delay, Runnable action) {
        return at(Math.addExact(now, delay), action);
    }

    /**
     * Charges {@code units} of work done outside an event (a scan, a graph walk) to the budget, so a plan cannot spend
     * unbounded work between two events.
     */
    public void charge(long units) {
        charged += units;
        if (processed + charged > budget) {
            throw new WorkBudgetExceededException(budget, "stopped at simulated time " + now + " us");
        }
    }

    public void run() {
        while (!queue.isEmpty()) {
            Scheduled s = queue.poll();
            if (s.cancelled) {
                continue;
            }
            now = s.time;
            if (++processed + charged > budget) {
                throw new WorkBudgetExceededException(budget, "stopped at simulated time " + now + " us");
            }
            s.action.run();
        }
    }

    /** A scheduled event; cancel() keeps it from running. */
    public static final class Scheduled implements Comparable<Scheduled> {
        private final long time;
        private final long seq;
        private final Runnable action;
        private boolean cancelled;

        Scheduled(long time, long seq, Runnable action) {
            this.time = time;
            this.seq = seq;
            this.action = action;
        }

        public void cancel() {
            cancelled = true;
        }

        public long time() {
            return time;
        }

        @Override
        public int compareTo(Scheduled o) {
            return time != o.time ? Long.compare(time, o.time) : Long.compare(seq, o.seq);
        }
    }
}
