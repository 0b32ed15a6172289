package dev.bootplan.trace;

import dev.bootplan.report.Span;
import java.util.List;
import java.util.function.Function;

/**
 * One process of a trace: a mode's predicted boot, or an observed one. {@code driverOfDevice} and {@code owners}
 * serve the "queued" arrows (see {@link Flows}).
 */
record TraceProcess(String name, List<Span> timeline, List<Marker> markers, SpanDetails details,
        Function<String, String> driverOfDevice, DriverModules owners) {

    TraceProcess {
        timeline = List.copyOf(timeline);
        markers = List.copyOf(markers);
    }
}
