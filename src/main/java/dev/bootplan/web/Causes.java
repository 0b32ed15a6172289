package dev.bootplan.web;

/** Finds an exception in a cause chain; Jackson and Spring each wrap what a body stream throws. */
final class Causes {

    private Causes() {}

    static <T extends Throwable> T find(Throwable t, Class<T> type) {
        // Bounded: a cause chain can be made to loop.
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
