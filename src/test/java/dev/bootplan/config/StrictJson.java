package dev.bootplan.config;

import tools.jackson.databind.json.JsonMapper;

/** For tests that read manifests without Spring: the service's strict mapper, built by its own customizer. */
public final class StrictJson {

    private StrictJson() {}

    public static JsonMapper mapper() {
        JsonMapper.Builder b = JsonMapper.builder();
        new JacksonConfiguration.StrictReading().customize(b);
        return b.build();
    }
}
