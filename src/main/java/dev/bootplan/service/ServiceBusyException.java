package dev.bootplan.service;

import java.time.Duration;

/** Every simulation thread stayed busy for as long as a request may wait for one. */
public final class ServiceBusyException extends RuntimeException {

    private final long retryAfterSeconds;

    ServiceBusyException(Duration waited, long retryAfterSeconds) {
        super("every simulation thread is busy and none came free within " + waited.toMillis()
                + " ms (bootplan.limits.admission-wait); try again later");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
