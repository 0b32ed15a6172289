package dev.bootplan.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The document-level part of the served OpenAPI description; operations and schemas come from annotations. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** The API's version, not the build's: it changes only when the contract does (openapi/openapi.yaml is compared in a test). */
    static final String API_VERSION = "1.0.0";

    private static final String DESCRIPTION = """
            Predicts how a Linux machine boots, driver probe by driver probe, under four probing modes.

            * Durations in a manifest are strings in systemd's time-span syntax with a unit ("250ms", "1.5s", \
            "2min"); a bare number is rejected because it is ambiguous.
            * Times in a report are integer microseconds from the start of the boot, in fields ending in `Us`.
            * The same manifest and mode give byte-identical JSON.
            * Errors are RFC 9457 problem details (`application/problem+json`) whose `type` is a stable URI \
            under `https://bootplan.dev/problems/`; body problems list every violation with a JSON pointer.
            """;

    @Bean
    OpenAPI bootPlanOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Boot-plan evaluator API").version(API_VERSION).description(DESCRIPTION))
                // A relative server keeps the committed spec independent of the host and port it was fetched from.
                .servers(List.of(new Server().url("/").description("The server that serves this document")));
    }

    /** springdoc collects controller tags in an unordered set; sorted, the spec is the same on every run. */
    @Bean
    OpenApiCustomizer sortedTags() {
        return api -> {
            if (api.getTags() != null) {
                api.setTags(new ArrayList<>(api.getTags().stream().sorted(Comparator.comparing(Tag::getName)).toList()));
            }
        };
    }
}
