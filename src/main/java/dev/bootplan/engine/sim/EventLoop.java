package dev.bootplan.engine.sim;

import dev.bootplan.engine.RunStoppedException;
import dev.bootplan.engine.WorkBudgetExceededException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * A deterministic discrete-event loop: events ordered by (time, sequence number), never scheduled in
 * the past, integer microseconds, a hard budget on the events one simulation may process.
 *
 * <p>Most events are scheduled for the present (a worker picks up the next event, a probe hands over to the next
 * device), and a heap of a million pending events makes each of those cost twenty comparisons. So events for the
 * present wait in a plain queue instead. The order is the same: an event in the heap for time {@code now} was
 * scheduled before {@code now} was reached, so before any event of the present queue, and runs first.
 *
 * <p>An {@link Alarm} is an event its owner moves often (the processors' next completion moves each time a job starts
 * or ends). Moving it is the same as cancelling it and scheduling it anew, without leaving the cancelled one in the heap
 * until its time: a boot that starts a million jobs would otherwise carry a million dead events.
 */
public final class EventLoop {

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
    private final ArrayDeque<Scheduled> present = new ArrayDeque<>();
    private final List<Alarm> alarms = new ArrayList<>();
    /** Cancelled events still in the heap, and how many there must be before it is worth a rebuild. */
    private long cancelledInHeap;
    private static final int PURGE_AT_LEAST = 1024;
    private final long budget;
    private long now;
    private long sequence;
    private long processed;
    private long charged;

    /** How often, in events, the loop asks whether it should stop (a check per event would cost more than it saves). */
    private static final int STOP_CHECK_EVERY = 1024;

    private final BooleanSupplier stop;

    public EventLoop(long budget) {
        this(budget, () -> false);
    }

    /** A loop that ends its run with {@link RunStoppedException} once {@code stop} says so (a request's deadline). */
    public EventLoop(long budget, BooleanSupplier stop) {
        this.budget = budget;
        this.stop = stop;
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
        if (time == now) {
            present.add(s);
        } else {
            s.inHeap = true;
            queue.add(s);
        }
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
        long before = charged;
        charged += units;
        if (processed + charged > budget) {
            throw new WorkBudgetExceededException(budget, "stopped at simulated time " + now + " us");
        }
        if (before / STOP_CHECK_EVERY != charged / STOP_CHECK_EVERY && stop.getAsBoolean()) {
            throw new RunStoppedException(now);
        }
    }

    public void run() {
        while (true) {
            Scheduled s = next();
            if (s == null) {
                return;
            }
            if (s.cancelled) {
                continue;
            }
            now = s.time;
            if (++processed + charged > budget) {
                throw new WorkBudgetExceededException(budget, "stopped at simulated time " + now + " us");
            }
            if (processed % STOP_CHECK_EVERY == 0 && stop.getAsBoolean()) {
                throw new RunStoppedException(now);
            }
            s.action.run();
        }
    }

    /** The earliest of the heap's, the present queue's and the alarms' next events, taken from where it waits. */
    private Scheduled next() {
        Scheduled best = present.peek();
        Scheduled top = queue.peek();
        if (top != null && (best == null || top.compareTo(best) < 0)) {
            best = top;
        }
        Alarm ringing = null;
        for (Alarm a : alarms) {
            if (a.pending != null && (best == null || a.pending.compareTo(best) < 0)) {
                best = a.pending;
                ringing = a;
            }
        }
        if (ringing != null) {
            ringing.pending = null;
        } else if (best != null && best == top) {
            queue.poll();
            top.inHeap = false;
            if (top.cancelled) {
                cancelledInHeap--;
            }
        } else if (best != null) {
            present.poll();
        }
        return best;
    }

    /** A new alarm, not set. */
    public Alarm alarm() {
        Alarm a = new Alarm();
        alarms.add(a);
        return a;
    }

    /** One event that its owner sets, moves and clears; ordered among the others as if scheduled when last set. */
    public final class Alarm {
        private Scheduled pending;

        private Alarm() {}

        /** Rings {@code action} after {@code delay}, in place of whatever the alarm was set to. */
        public void setAfter(long delay, Runnable action) {
            pending = new Scheduled(Math.addExact(now, delay), sequence++, action);
        }

        public void clear() {
            pending = null;
        }
    }

    /**
     * Drops cancelled events from the heap once they are half of it. A cancelled event waits there until its time
     * otherwise, and timeouts are mostly cancelled: every udev event arms a warning and a kill minutes ahead and
     * disarms both when it ends a moment later, so a million events left two million dead entries to sift past.
     * Rebuilding costs the heap's size once per that many cancels; the order of the rest is their (time, sequence).
     */
    private void cancelled(Scheduled s) {
        if (!s.inHeap) {
            return;
        }
        if (++cancelledInHeap > PURGE_AT_LEAST && cancelledInHeap * 2 > queue.size()) {
            queue.removeIf(e -> e.cancelled);
            cancelledInHeap = 0;
        }
    }

    /** A scheduled event; cancel() keeps it from running. */
    public final class Scheduled implements Comparable<Scheduled> {
        private final long time;
        private final long seq;
        private final Runnable action;
        private boolean cancelled;
        private boolean inHeap;

        Scheduled(long time, long seq, Runnable action) {
            this.time = time;
            this.seq = seq;
            this.action = action;
        }

        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                cancelled(this);
            }
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
