package dev.bootplan.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A moment on a process's own track: a milestone or a finding, written as a process-scoped instant event.
 * {@code args} keep their insertion order (values: String, Long, Integer, Double, Boolean or a List of Strings).
 */
record Marker(String name, String category, long atUs, Map<String, Object> args) {

    Marker {
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }
}
