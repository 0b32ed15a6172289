package dev.bootplan.advice;

import java.util.List;

/** One setting the search may change: the values it may take besides the plan as written, each an edit. */
record Coordinate(String label, List<Edit> options) {

    Coordinate {
        options = List.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("a coordinate needs a value to try");
        }
    }
}
