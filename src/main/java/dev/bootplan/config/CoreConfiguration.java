package dev.bootplan.config;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.EngineSettings;
import dev.bootplan.manifest.ManifestLimits;
import dev.bootplan.manifest.ManifestNormalizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the pure core (normaliser, engine) from the configuration, once. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    @Bean
    ManifestLimits manifestLimits(BootPlanProperties properties) {
        var l = properties.limits();
        return new ManifestLimits(l.maxDevices(), l.maxModules(), l.maxDrivers(), l.maxInitcalls());
    }

    @Bean
    ManifestNormalizer manifestNormalizer(ManifestLimits limits) {
        return new ManifestNormalizer(limits);
    }

    @Bean
    BootSimulator bootSimulator(BootPlanProperties properties) {
        return new BootSimulator(new EngineSettings(properties.limits().maxEvents(), properties.limits().maxReportSpans()));
    }
}
