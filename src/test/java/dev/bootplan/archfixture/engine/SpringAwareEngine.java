package dev.bootplan.archfixture.engine;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Deliberately wrong: an "engine" class that reaches for Spring. ArchitectureTests proves the rule catches it. */
@Component
public class SpringAwareEngine {

    private final Environment environment;

    public SpringAwareEngine(Environment environment) {
        this.environment = environment;
    }

    public String profile() {
        return environment.getActiveProfiles().length == 0 ? "default" : environment.getActiveProfiles()[0];
    }
}
