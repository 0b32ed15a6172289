package dev.bootplan.cli;

import dev.bootplan.json.BootPlanJson;
import dev.bootplan.service.Admission;
import dev.bootplan.service.UseCases;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every command works with: the service's use cases wired by hand with the service's limits, and the mapper
 * built from the service's one JSON definition. One simulation at a time, with no deadline.
 */
record Core(Limits limits, UseCases useCases, JsonMapper json) {

    static Core fromSystemProperties() {
        Limits limits = Limits.fromSystemProperties();
        Admission oneAtATime = new Admission(1, Duration.ofMillis(Long.MAX_VALUE), Duration.ZERO);
        return new Core(limits, UseCases.of(limits.manifest(), limits.engine(), oneAtATime), BootPlanJson.mapper());
    }
}
