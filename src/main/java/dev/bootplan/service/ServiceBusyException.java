package dev.bootplan.service;

import java.time.Duration;

/**
 * No simulation thread for this request: every one stayed busy for as long as a request may wait, or so many requests
 * already wait that this one is refused at once. {@link #limit()} names the setting that said no.
 */
public final class ServiceBusyException extends RuntimeException {

    private final long retryAfterSeconds;
    private final String limit;

    private ServiceBusyException(String message, String limit, long retryAfterSeconds) {
        super(message);
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ServiceBusyException waitedTooLong(Duration waited, long retryAfterSeconds) {
        return new ServiceBusyException("every simulation thread is busy and none came free within " + waited.toMillis()
                + " ms (bootplan.limits.admission-wait); try again later", "bootplan.limits.admission-wait",
                retryAfterSeconds);
    }

    static ServiceBusyException queueFull(int waiting, long retryAfterSeconds) {
        return new ServiceBusyException("every simulation thread is busy and " + waiting + " request(s) already wait for"
                + " one (bootplan.limits.max-queued-runs); try again later", "bootplan.limits.max-queued-runs",
                retryAfterSeconds);
    }

    /** The setting that refused the request. */
    public String limit() {
        return limit;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
