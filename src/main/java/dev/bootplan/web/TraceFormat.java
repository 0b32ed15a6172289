package dev.bootplan.web;

import java.util.List;

/**
 * Reads {@code ?format=}: {@code json} (the default: the report, or a picture by the Accept header) or {@code trace}.
 * Any other value is a 400 naming the parameter, raised before any simulation runs.
 */
final class TraceFormat {

    static final String NAME = "format";
    private static final List<String> FORMATS = List.of("json", "trace");

    private TraceFormat() {}

    /** Whether {@code format} asks for a trace. */
    static boolean requested(String format) {
        if (format == null || format.equals("json")) {
            return false;
        }
        if (format.equals("trace")) {
            return true;
        }
        throw new InvalidParameterException(NAME, "unknown format \"" + (format.length() > 64 ? format.substring(0, 61) + "..."
                : format) + "\"; the formats are json, trace", FORMATS);
    }
}
