package dev.bootplan.engine.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The machine's CPUs, shared fairly by the CPU-bound parts of probes (processor sharing): with n jobs
 * on c CPUs each progresses at min(1, c / n). Waiting (msleep, I/O) does not come here; it overlaps
 * freely. Work is counted in nanoseconds of one CPU so integer progress stays exact enough.
 */
public final class Processors {

    private static final long NS = 1_000;

    private final EventLoop loop;
    private final int cpus;
    private final List<Job> jobs = new ArrayList<>();
    private long lastUpdateUs;
    private EventLoop.Scheduled next;

    public Processors(EventLoop loop, int cpus) {
        this.loop = loop;
        this.cpus = cpus;
    }

    /** A CPU-bound stretch of {@code cpuUs} of one CPU; {@code done} runs when it has had them. */
    public Job submit(long cpuUs, Runnable done) {
        advance();
        Job job = new Job(cpuUs * NS, done);
        jobs.add(job);
        reschedule();
        return job;
    }

    /** Takes a job off the CPUs (its task was killed); what it had not used is forgotten. */
    public void cancel(Job job) {
        advance();
        jobs.remove(job);
        reschedule();
    }

    private void advance() {
        long elapsed = loop.now() - lastUpdateUs;
        lastUpdateUs = loop.now();
        if (elapsed == 0 || jobs.isEmpty()) {
            return;
        }
        int n = jobs.size();
        long progress = elapsed * NS * Math.min(n, cpus) / n;
        for (Job j : jobs) {
            j.remainingNs -= progress;
        }
    }

    private void reschedule() {
        if (next != null) {
            next.cancel();
            next = null;
        }
        if (jobs.isEmpty()) {
            return;
        }
        int n = jobs.size();
        long rate = NS * Math.min(n, cpus); // ns of work per µs of time, shared by n jobs
        long least = Long.MAX_VALUE;
        for (Job j : jobs) {
            least = Math.min(least, j.remainingNs);
        }
        long delay = Math.max(0, Math.ceilDiv(least * n, rate));
        next = loop.after(delay, this::complete);
    }

    private void complete() {
        next = null;
        advance();
        List<Job> finished = new ArrayList<>();
        for (Job j : jobs) {
            if (j.remainingNs <= 0) {
                finished.add(j);
            }
        }
        jobs.removeAll(finished);
        reschedule();
        for (Job j : finished) {
            j.done.run();
        }
    }

    /** One CPU-bound stretch. */
    public static final class Job {
        private long remainingNs;
        private final Runnable done;

        Job(long remainingNs, Runnable done) {
            this.remainingNs = remainingNs;
            this.done = done;
        }
    }
}
