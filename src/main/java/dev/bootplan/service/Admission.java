package dev.bootplan.service;

import dev.bootplan.config.BootPlanProperties;
import dev.bootplan.engine.RunStoppedException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Who may simulate now, and for how long. Simulations are CPU-bound: run on the request's virtual thread they would
 * hold the few carrier threads and starve every cheap request (health, /api/v1/modes). So they run on a small pool of
 * platform threads, at most {@code maxConcurrentRuns} at once, and at most {@code maxQueuedRuns} more wait for a turn
 * (one more is refused at once: 503, Retry-After); a request that cannot get a turn within {@code admissionWait} is
 * refused too, and a run past {@code requestDeadline} is stopped (503), as is
 * a run whose client has closed its connection (looked at every {@link #CLIENT_CHECK_MILLIS} ms).
 */
@Component
public class Admission implements AutoCloseable {

    private final Semaphore turns;
    /** Turns plus the requests that may wait for one; a request that finds none left is refused at once. */
    private final Semaphore places;
    private final int queued;
    private final ExecutorService workers;
    private final Duration deadline;
    private final Duration wait;
    private final ClientWatch client;

    /** How often the waiting request thread asks whether its client is still there. */
    static final long CLIENT_CHECK_MILLIS = 50;

    /** Longer than any run; a longer deadline would overflow a count of nanoseconds. */
    private static final Duration FOREVER = Duration.ofDays(365);

    Admission(BootPlanProperties properties) {
        this(properties, ClientWatch.NOBODY_LEAVES);
    }

    @Autowired
    Admission(BootPlanProperties properties, ClientWatch client) {
        this(properties.limits().maxConcurrentRuns(), properties.limits().maxQueuedRuns(),
                properties.limits().requestDeadline(), properties.limits().admissionWait(), client);
    }

    /**
     * For callers without Spring (the command line). Spring closes it as an {@link AutoCloseable} bean; it implements
     * no Spring interface, so that the command line loads no Spring class.
     *
     * @param maxConcurrentRuns simulations at once; 0 for one per available processor
     */
    public Admission(int maxConcurrentRuns, Duration deadline, Duration wait) {
        this(maxConcurrentRuns, 0, deadline, wait, ClientWatch.NOBODY_LEAVES);
    }

    /** @param maxQueuedRuns requests that may wait for a turn at once; 0 for four per simulation thread */
    private Admission(int maxConcurrentRuns, int maxQueuedRuns, Duration deadline, Duration wait, ClientWatch client) {
        int n = maxConcurrentRuns > 0 ? maxConcurrentRuns : Runtime.getRuntime().availableProcessors();
        this.turns = new Semaphore(n, true);
        this.queued = maxQueuedRuns > 0 ? maxQueuedRuns : 4 * n;
        this.places = new Semaphore(n + queued);
        this.workers = Executors.newFixedThreadPool(n, named());
        this.deadline = deadline;
        this.wait = wait;
        this.client = client;
    }

    /** Whether a request waits for a turn now (for tests that need one waiting). */
    boolean hasQueued() {
        return turns.hasQueuedThreads();
    }

    /** The stop signal of the run this thread is doing, when it is a simulation thread. */
    private static final ThreadLocal<BooleanSupplier> CURRENT = new ThreadLocal<>();

    /**
     * Runs {@code work} on a simulation thread; {@code work} gets the stop signal to hand to the engine. Work already
     * on a simulation thread (an import that evaluates) runs where it is, under its run's turn and deadline.
     */
    public <T> T run(Function<BooleanSupplier, T> work) {
        BooleanSupplier outer = CURRENT.get();
        if (outer != null) {
            return work.apply(outer);
        }
        long retryAfter = Math.max(1, (deadline.toSeconds() + 1) / 2);
        if (!places.tryAcquire()) {
            throw ServiceBusyException.queueFull(queued, retryAfter);
        }
        try {
            if (!turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                places.release();
                throw ServiceBusyException.waitedTooLong(wait, retryAfter);
            }
        } catch (InterruptedException e) {
            places.release();
            Thread.currentThread().interrupt();
            throw ServiceBusyException.waitedTooLong(wait, 1);
        }
        AtomicBoolean stop = new AtomicBoolean();
        Future<T> future;
        try {
            future = workers.submit(() -> {
                BooleanSupplier signal = stop::get;
                CURRENT.set(signal);
                try {
                    return work.apply(signal);
                } finally {
                    CURRENT.remove();
                    turns.release(); // the turn is the thread's, held until the work has really ended
                    places.release();
                }
            });
        } catch (RuntimeException e) {
            turns.release();
            places.release();
            throw e;
        }
        try {
            return await(future);
        } catch (RuntimeException | Error e) {
            stop.set(true); // the deadline passed, the client left, or the caller was interrupted: the run ends too
            throw e;
        }
    }

    /** Waits for the run on the request's thread, which alone may look at its client's connection. */
    private <T> T await(Future<T> future) {
        long start = System.nanoTime();
        long limit = deadline.compareTo(FOREVER) >= 0 ? FOREVER.toNanos() : deadline.toNanos(); // the CLI waits "forever"
        while (true) {
            long left = limit - (System.nanoTime() - start);
            if (left <= 0) {
                throw new DeadlineExceededException(deadline);
            }
            try {
                return future.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(CLIENT_CHECK_MILLIS)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (client.clientGone()) {
                    throw new ClientGoneException(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeadlineExceededException(deadline);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RunStoppedException) {
                    throw new DeadlineExceededException(deadline);
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static ThreadFactory named() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "simulation-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
