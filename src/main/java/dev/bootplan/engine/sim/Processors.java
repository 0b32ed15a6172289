package dev.bootplan.engine.sim;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;

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
    /** No lock: the job competes on its own. */
    public static final int NO_LOCK = -1;

    private final EventLoop loop;
    private final long capacity; // percent of one CPU
    private final ShareClass[] classes = new ShareClass[SHARES + 1];
    private long lastUpdateUs;
    private long sequence;
    /** The next completion: moved on every start and end of a job. */
    private final EventLoop.Alarm next;
    private final Rate[] rates = new Rate[SHARES + 1];
    private final TreeMap<Integer, ShareClass> groups = new TreeMap<>();

    public Processors(EventLoop loop, int cpus) {
        this.loop = loop;
        this.next = loop.alarm();
        this.capacity = 100L * cpus;
        for (int s = 1; s <= SHARES; s++) {
            classes[s] = new ShareClass();
            rates[s] = Rate.FULL;
        }
    }

    /** A stretch of {@code ownUs} of which {@code cpuPercent} (1–100) is CPU; {@code done} runs when it has had it. */
    public Job submit(long ownUs, int cpuPercent, Runnable done) {
        return submit(ownUs, cpuPercent, NO_LOCK, done);
    }

    /**
     * As {@link #submit(long, int, Runnable)}, for work whose CPU part holds {@code lock}, a lock every job of that key
     * shares (a driver's global mutex): the jobs take turns, so together they never compute on more than one CPU.
     * They progress alike, at the group's allocation divided by their summed demand.
     */
    public Job submit(long ownUs, int cpuPercent, int lock, Runnable done) {
        if (cpuPercent < 1 || cpuPercent > SHARES) {
            throw new IllegalArgumentException("CPU share " + cpuPercent + " outside 1..100");
        }
        advance();
        ShareClass c = lock == NO_LOCK ? classes[cpuPercent] : groups.computeIfAbsent(lock, k -> new ShareClass());
        Job job = new Job(c, cpuPercent, Math.addExact(c.progressNs, Math.multiplyExact(ownUs, NS)), sequence++, done);
        c.jobs.add(job);
        c.demand += cpuPercent;
        reschedule();
        return job;
    }

    /** Takes a job off the CPUs (its task was killed); what it had not used is forgotten. */
    public void cancel(Job job) {
        advance();
        job.bucket.jobs.remove(job);
        job.bucket.demand -= job.share;
        reschedule();
    }

    /** Jobs on the CPUs now (for tests and the timeline). */
    public int running() {
        int n = 0;
        for (int s = 1; s <= SHARES; s++) {
            n += classes[s].jobs.size();
        }
        for (ShareClass g : groups.values()) {
            n += g.jobs.size();
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
        for (ShareClass g : groups.values()) {
            if (!g.jobs.isEmpty()) {
                g.progressNs += g.rate.progress(elapsed);
            }
        }
    }

    /**
     * Max-min fair shares (water-filling), lowest demand first, then the next completion. Each job of a share class is
     * one claimant asking for its share; a lock group is one claimant asking for its members' summed share, at most a
     * whole CPU (only the holder computes).
     */
    private void reschedule() {
        next.clear();
        List<ShareClass> lockGroups = new ArrayList<>();
        for (var it = groups.values().iterator(); it.hasNext(); ) {
            ShareClass g = it.next();
            if (g.jobs.isEmpty()) {
                it.remove();
            } else {
                lockGroups.add(g);
            }
        }
        lockGroups.sort((a, b) -> Long.compare(Math.min(a.demand, SHARES), Math.min(b.demand, SHARES)));
        long remaining = capacity;
        long claimants = lockGroups.size();
        for (int s = 1; s <= SHARES; s++) {
            claimants += classes[s].jobs.size();
        }
        long soonest = Long.MAX_VALUE;
        int g = 0;
        for (int s = 1; s <= SHARES; s++) {
            for (; g < lockGroups.size() && Math.min(lockGroups.get(g).demand, SHARES) <= s; g++) {
                ShareClass group = lockGroups.get(g);
                long asks = Math.min(group.demand, SHARES);
                if (asks * claimants <= remaining) {
                    group.rate = new Rate(asks, group.demand); // all it asks for, shared by the members' demand
                    remaining -= asks;
                    claimants--;
                } else {
                    group.rate = new Rate(remaining, claimants * group.demand);
                }
                soonest = Math.min(soonest, group.rate.delayUs(group.jobs.peek().targetNs - group.progressNs));
            }
            ShareClass c = classes[s];
            int n = c.jobs.size();
            if (n == 0) {
                continue;
            }
            if ((long) s * claimants <= remaining) {
                rates[s] = Rate.FULL; // below the fair level: it gets all it asks for
                remaining -= (long) s * n;
                claimants -= n;
            } else {
                // Capped at the level remaining / claimants; that level then holds for every later claimant too.
                rates[s] = new Rate(remaining, claimants * s);
            }
            soonest = Math.min(soonest, rates[s].delayUs(c.jobs.peek().targetNs - c.progressNs));
        }
        if (soonest != Long.MAX_VALUE) {
            next.setAfter(Math.max(0, soonest), this::complete);
        }
    }

    private void complete() {
        advance();
        List<Job> finished = new ArrayList<>();
        for (int s = 1; s <= SHARES; s++) {
            drain(classes[s], finished);
        }
        for (ShareClass grp : groups.values()) {
            drain(grp, finished);
        }
        finished.sort((a, b) -> Long.compare(a.seq, b.seq));
        reschedule();
        for (Job j : finished) {
            j.done.run();
        }
    }

    private static void drain(ShareClass c, List<Job> finished) {
        while (!c.jobs.isEmpty() && c.jobs.peek().targetNs <= c.progressNs) {
            Job j = c.jobs.poll();
            c.demand -= j.share;
            finished.add(j);
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
        long demand; // summed shares of the jobs, percent
        Rate rate = Rate.FULL; // a lock group's; share classes keep theirs in rates[]
    }

    /** One stretch of a task's own time on the CPUs. */
    public static final class Job {
        private final ShareClass bucket;
        private final int share;
        private final long targetNs;
        private final long seq;
        private final Runnable done;

        Job(ShareClass bucket, int share, long targetNs, long seq, Runnable done) {
            this.bucket = bucket;
            this.share = share;
            this.targetNs = targetNs;
            this.seq = seq;
            this.done = done;
        }
    }
}
