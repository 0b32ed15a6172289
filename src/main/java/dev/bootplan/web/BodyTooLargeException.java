package dev.bootplan.web;

import java.io.IOException;

/**
 * A request body over {@code bootplan.limits.max-body-size}. An {@link IOException} because the limited
 * stream throws it from {@code read()}; Jackson and Spring wrap it, so handlers look for it in the cause chain.
 */
final class BodyTooLargeException extends IOException {

    static final String LIMIT_PROPERTY = "bootplan.limits.max-body-size";

    private final long maxBytes;

    BodyTooLargeException(long maxBytes) {
        super("the request body is larger than " + maxBytes + " bytes (" + LIMIT_PROPERTY + ")");
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }
}
