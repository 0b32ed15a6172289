package dev.bootplan.service;

import java.time.Duration;

/** A simulation ran past the request deadline and was stopped. */
public final class DeadlineExceededException extends RuntimeException {

    private final Duration deadline;

    DeadlineExceededException(Duration deadline) {
        super("the simulation ran past the request deadline of " + deadline.toMillis()
                + " ms (bootplan.limits.request-deadline) and was stopped; simplify the plan or raise the deadline");
        this.deadline = deadline;
    }

    public Duration deadline() {
        return deadline;
    }
}
