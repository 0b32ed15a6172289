package dev.bootplan.engine.sim;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The machine's CPUs, shared by everything that computes: module loads, probes and the work they start.
 *
 * <p>A job is a stretch of a task's own time ({@code ownUs}) of which a fixed share is CPU and the rest waiting,
 * interleaved evenly across the stretch (a probe submits a request, sleeps, computes, submits the next…), so the
 * share applies across its whole span instead of CPU first and waiting after. The CPUs are divided max-min fairly,
 * the fluid limit of CFS (kernel/sched/fair.c: runnable tasks of equal weight get equal slices, a task that sleeps
 * part of the time keeps what it asks for when that is below the fair slice): with capacity C and demands d_i, every
 * job gets min(d_i, L) where L fills C. A job whose demand is met runs at its own pace; a capped one progresses at
 * L / d_i. Jobs with no CPU share never come here: waiting overlaps freely.
 *
 * <p>Progress is exact integer arithmetic in nanoseconds of own time. Jobs of one share progress alike, so each
 * share keeps one running total and a queue of targets: an event costs O(shares + log jobs), not O(jobs).
 */
public final class Processors {

    private static final long NS = 1_000;
    private static final int SHARES = 100;

    private final EventLoop loop;
    private final long capacity; // percent of one CPU
    private final ShareClass[] classes = new ShareClass[SHARES + 1];
    private long lastUpdateUs;
    private long sequence;
    private EventLoop.Scheduled next;
    private final Rate[] rates = new Rate[SHARES + 1];

    public Processors(EventLoop loop, int cpus) {
        this.loop = loop;
        this.capacity = 100L * cpus;
        for (int s = 1; s <= SHARES; s++) {
            classes[s] = new ShareClass();
            rates[s] = Rate.FULL;
        }
    }

    /** A stretch of {@code ownUs} of which {@code cpuPercent} (1–100) is CPU; {@code done} runs when it has had it. */
    public Job submit(long ownUs, int cpuPercent, Runnable done) {
        if (cpuPercent < 1 || cpuPercent > SHARES) {
            throw new IllegalArgumentException("CPU share " + cpuPercent + " outside 1..100");
        }
        advance();
        ShareClass c = classes[cpuPercent];
        Job job = new Job(cpuPercent, Math.addExact(c.progressNs, Math.multiplyExact(ownUs, NS)), sequence++, done);
        c.jobs.add(job);
        reschedule();
        return job;
    }

    /** Takes a job off the CPUs (its task was killed); what it had not used is forgotten. */
    public void cancel(Job job) {
        advance();
        classes[job.share].jobs.remove(job);
        reschedule();
    }

    /** Jobs on the CPUs now (for tests and the timeline). */
    public int running() {
        int n = 0;
        for (int s = 1; s <= SHARES; s++) {
            n += classes[s].jobs.size();
        }
        return n;
    }

    private void advance() {
        long elapsed = loop.now() - lastUpdateUs;
        lastUpdateUs = loop.now();
        if (elapsed == 0) {
            return;
        }
        for (int s = 1; s <= SHARES; s++) {
            ShareClass c = classes[s];
            if (!c.jobs.isEmpty()) {
                c.progressNs += rates[s].progress(elapsed);
            }
        }
    }

    /** Max-min fair shares (water-filling), lowest demand first, then the next completion. */
    private void reschedule() {
        if (next != null) {
            next.cancel();
            next = null;
        }
        long remaining = capacity;
        long jobs = running();
        long soonest = Long.MAX_VALUE;
        for (int s = 1; s <= SHARES; s++) {
            ShareClass c = classes[s];
            int n = c.jobs.size();
            if (n == 0) {
                continue;
            }
            if ((long) s * jobs <= remaining) {
                rates[s] = Rate.FULL; // below the fair level: it gets all it asks for
                remaining -= (long) s * n;
                jobs -= n;
            } else {
                rates[s] = new Rate(remaining, jobs * s); // capped at the level remaining / jobs
            }
            soonest = Math.min(soonest, rates[s].delayUs(c.jobs.peek().targetNs - c.progressNs));
        }
        if (soonest != Long.MAX_VALUE) {
            next = loop.after(Math.max(0, soonest), this::complete);
        }
    }

    private void complete() {
        next = null;
        advance();
        List<Job> finished = new ArrayList<>();
        for (int s = 1; s <= SHARES; s++) {
            ShareClass c = classes[s];
            while (!c.jobs.isEmpty() && c.jobs.peek().targetNs <= c.progressNs) {
                finished.add(c.jobs.poll());
            }
        }
        finished.sort((a, b) -> Long.compare(a.seq, b.seq));
        reschedule();
        for (Job j : finished) {
            j.done.run();
        }
    }

    /** Own-time progress per unit of time: num / den (a full rate is 1). */
    private record Rate(long num, long den) {
        static final Rate FULL = new Rate(1, 1);

        long progress(long elapsedUs) {
            return mulDiv(elapsedUs * NS, num, den);
        }

        /** The whole µs after which {@code ns} of own time are done (rounded up, so the job is surely finished). */
        long delayUs(long ns) {
            if (ns <= 0) {
                return 0;
            }
            long wall = ceilMulDiv(ns, den, num);
            return Math.ceilDiv(wall, NS);
        }
    }

    static long mulDiv(long a, long b, long d) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return low / d;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(d)).longValueExact();
    }

    static long ceilMulDiv(long a, long b, long d) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return Math.ceilDiv(low, d);
        }
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(d));
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }

    private static final class ShareClass {
        final PriorityQueue<Job> jobs = new PriorityQueue<>(
                (a, b) -> a.targetNs != b.targetNs ? Long.compare(a.targetNs, b.targetNs) : Long.compare(a.seq, b.seq));
        long progressNs;
    }

    /** One stretch of a task's own time on the CPUs. */
    public static final class Job {
        private final int share;
        private final long targetNs;
        private final long seq;
        private final Runnable done;

        Job(int share, long targetNs, long seq, Runnable done) {
            this.share = share;
            this.targetNs = targetNs;
            this.seq = seq;
            this.done = done;
        }
    }
}
