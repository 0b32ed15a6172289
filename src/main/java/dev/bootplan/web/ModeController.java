package dev.bootplan.web;

import dev.bootplan.report.ModeInfo;
import dev.bootplan.service.ModeCatalogService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Modes", description = "The probing modes a plan can be simulated under.")
class ModeController {

    private final ModeCatalogService modes;

    ModeController(ModeCatalogService modes) {
        this.modes = modes;
    }

    @GetMapping(path = "/api/v1/modes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List the four probing modes",
            description = "Each mode's name (to pass as ?mode=), what it tells the kernel, and the rule the engine applies. "
                    + "The order is the order comparisons use: sync, async, forced-sync, debug-force-all.")
    @ApiResponse(responseCode = "200", description = "The modes.", content = @Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = ModeInfo.class))))
    @ApiResponse(responseCode = "406", description = "The client accepts no JSON (`not-acceptable`).",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "500", description = "A bug on our side (`internal`).",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    List<ModeInfo> modes() {
        return modes.modes();
    }
}
