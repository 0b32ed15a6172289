package dev.bootplan.engine;

/**
 * Limits on one simulation, translated once from configuration.
 *
 * @param maxEvents simulated events (and units of work between events: scans, graph walks) one evaluation may process
 * @param maxReportSpans timeline spans, and predicted log lines, one evaluation may record: a report over it is
 *     refused as it grows, before its memory is spent
 */
public record EngineSettings(long maxEvents, long maxReportSpans) {

    public EngineSettings {
        if (maxEvents < 1 || maxReportSpans < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** A budget of events, and as many spans. */
    public EngineSettings(long maxEvents) {
        this(maxEvents, maxEvents);
    }

    public static EngineSettings defaults() {
        return new EngineSettings(20_000_000L, 2_000_000L);
    }
}
