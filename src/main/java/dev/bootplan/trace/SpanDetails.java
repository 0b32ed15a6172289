package dev.bootplan.trace;

import dev.bootplan.report.Span;
import java.util.Map;

/** What a trace says about a span beyond its times: the device's or module's outcome, the log line it came from. */
@FunctionalInterface
interface SpanDetails {

    /** Adds the span's details to {@code args} in a fixed order. */
    void addTo(Span span, Map<String, Object> args);

    SpanDetails NONE = (span, args) -> {};
}
