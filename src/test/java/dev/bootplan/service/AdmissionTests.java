package dev.bootplan.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootplan.config.BootPlanProperties;
import dev.bootplan.engine.RunStoppedException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Simulations get a thread, a deadline and a turn; a request that cannot have one is told so at once. */
class AdmissionTests {

    private static Admission admission(int runs, Duration deadline, Duration wait) {
        return admission(runs, deadline, wait, 0);
    }

    private static Admission admission(int runs, Duration deadline, Duration wait, int queued) {
        return new Admission(new BootPlanProperties(new BootPlanProperties.Limits(DataSize.ofMegabytes(8),
                DataSize.ofMegabytes(64), 1, 1, 1, 1, 1, 1, deadline, runs, wait, queued)));
    }

    /** One thread, one place in the queue: the third request is refused at once, not after the (long) wait. */
    @Test
    void whenTheQueueIsFullARequestIsRefusedAtOnceNamingTheSetting() throws Exception {
        Admission a = admission(1, Duration.ofSeconds(10), Duration.ofSeconds(30), 1);
        ExecutorService callers = Executors.newCachedThreadPool(); // the common pool may have one thread on 2 cores
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> a.run(stop -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1;
        }), callers);
        running.await();
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> a.run(stop -> 2), callers); // waits its turn
        while (!a.hasQueued()) {
            Thread.onSpinWait();
        }
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> a.run(stop -> 3)).isInstanceOf(ServiceBusyException.class)
                .hasMessageContaining("bootplan.limits.max-queued-runs")
                .satisfies(e -> assertThat(((ServiceBusyException) e).limit()).isEqualTo("bootplan.limits.max-queued-runs"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(1_000);
        release.countDown();
        assertThat(first.get()).isEqualTo(1);
        assertThat(second.get()).isEqualTo(2); // the one that waited ran
        int fourth = a.run(stop -> 4); // every place came back
        assertThat(fourth).isEqualTo(4);
        a.close();
        callers.shutdown();
    }

    @Test
    void aRunPastItsDeadlineIsStoppedAndReportedAsSuch() {
        Admission a = admission(1, Duration.ofMillis(100), Duration.ofSeconds(1));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> a.run(stop -> {
            while (!stop.getAsBoolean()) {
                Thread.onSpinWait();
            }
            throw new RunStoppedException(0);
        })).isInstanceOf(DeadlineExceededException.class).hasMessageContaining("bootplan.limits.request-deadline");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(2_000);
        // The stopped run gave its turn back: the next one runs.
        int next = a.run(stop -> 42);
        assertThat(next).isEqualTo(42);
        a.close();
    }

    @Test
    void whenEveryThreadIsBusyARequestIsRefusedWithARetryAfter() throws Exception {
        Admission a = admission(1, Duration.ofSeconds(10), Duration.ofMillis(50));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> a.run(stop -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1;
        }));
        running.await();
        assertThatThrownBy(() -> a.run(stop -> 2)).isInstanceOf(ServiceBusyException.class)
                .satisfies(e -> assertThat(((ServiceBusyException) e).retryAfterSeconds()).isPositive());
        release.countDown();
        assertThat(first.get()).isEqualTo(1);
        int third = a.run(stop -> 3);
        assertThat(third).isEqualTo(3);
        a.close();
    }

    @Test
    void whatTheWorkThrowsReachesTheCallerAsItIs() {
        Admission a = admission(2, Duration.ofSeconds(10), Duration.ofSeconds(1));
        assertThatThrownBy(() -> a.run(stop -> {
            throw new IllegalArgumentException("bad plan");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad plan");
        a.close();
    }

    /** An import that evaluates (the checks endpoint) runs its evaluation within its own turn: no second permit. */
    @Test
    void aRunInsideARunTakesNoSecondTurn() {
        Admission a = admission(1, Duration.ofSeconds(10), Duration.ofMillis(50));
        int nested = a.run(outer -> a.run(inner -> inner == outer ? 7 : -1));
        assertThat(nested).isEqualTo(7);
        a.close();
    }
}
