package dev.bootplan.engine;

/**
 * Limits on one simulation, translated once from configuration.
 *
 * @param maxEvents simulated events one evaluation may process before it is refused
 */
public record EngineSettings(long maxEvents) {

    public EngineSettings {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be positive");
        }
    }

    public static EngineSettings defaults() {
        return new EngineSettings(20_000_000L);
    }
}
