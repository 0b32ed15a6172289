package dev.bootplan.config;

import dev.bootplan.json.BootPlanJson;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the project's one JSON definition ({@link BootPlanJson}: parser limits, strict reading) to the mapper Spring
 * MVC reads and writes bodies with; the command line applies the same definition to its own.
 */
@Configuration(proxyBeanMethods = false)
class JacksonConfiguration {

    @Bean
    StrictReading strictJsonReading() {
        return new StrictReading();
    }

    @Bean
    ParserLimits jsonParserLimits() {
        return new ParserLimits();
    }

    /** Ordered after Boot's own customizer (order 0), which switches FAIL_ON_UNKNOWN_PROPERTIES off. */
    static final class StrictReading implements JsonMapperBuilderCustomizer, Ordered {

        @Override
        public void customize(JsonMapper.Builder builder) {
            BootPlanJson.strict(builder);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Ordered after Boot's own customizer, which applies spring.jackson.factory.constraints.* (not set here). */
    static final class ParserLimits implements JsonFactoryBuilderCustomizer, Ordered {

        @Override
        public void customize(JsonFactoryBuilder builder) {
            BootPlanJson.constrain(builder);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
