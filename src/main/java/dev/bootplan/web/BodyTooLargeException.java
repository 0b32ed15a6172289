package dev.bootplan.web;

import java.io.IOException;

/**
 * A request body over its limit ({@code bootplan.limits.max-body-size}, or {@code max-import-size} for imports). An
 * {@link IOException} because the limited stream throws it from {@code read()}; Jackson and Spring wrap it, so
 * handlers look for it in the cause chain.
 */
final class BodyTooLargeException extends IOException {

    static final String BODY_LIMIT = "bootplan.limits.max-body-size";
    static final String IMPORT_LIMIT = "bootplan.limits.max-import-size";

    private final long maxBytes;
    private final String property;

    BodyTooLargeException(long maxBytes) {
        this(maxBytes, BODY_LIMIT);
    }

    BodyTooLargeException(long maxBytes, String property) {
        super("the request body is larger than " + maxBytes + " bytes (" + property + ")");
        this.maxBytes = maxBytes;
        this.property = property;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** The setting that sets this limit. */
    String property() {
        return property;
    }
}
