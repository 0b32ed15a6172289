package dev.bootplan.web;

import dev.bootplan.manifest.Manifest;
import dev.bootplan.report.Comparison;
import dev.bootplan.service.ComparisonService;
import dev.bootplan.trace.DriverModules;
import dev.bootplan.trace.TraceExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Comparisons", description = "Simulate one plan under all four probing modes, side by side.")
class ComparisonController {

    private final ComparisonService comparisons;

    ComparisonController(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @PostMapping(path = "/api/v1/comparisons", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, PictureConverter.SVG, MediaType.TEXT_HTML_VALUE})
    @Operation(summary = "Simulate a manifest's boot under all four probing modes",
            description = "Validates the manifest once, simulates it under sync, async, forced-sync and debug-force-all, "
                    + "and returns one summary row per mode (measured against sync) with each mode's full report.")
    @ApiResponse(responseCode = "200", description = "The four modes side by side: JSON by default; with Accept: image/svg+xml the four modes stacked on one time axis, with milestone ticks and the gain against sync as one "
            + "SVG; with Accept: text/html a self-contained, printable HTML page (inline style and SVG, no script, no "
            + "external requests); with format=trace a Chrome Trace Event Format download with one process per mode "
            + "(application/json, see the format parameter). Errors are application/problem+json whatever the Accept header.",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = Comparison.class)),
                @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string", description = "An SVG document.")),
                @Content(mediaType = "text/html", schema = @Schema(type = "string", description = "An HTML page."))})
    @ManifestProblemResponses
    Comparison compare(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = ManifestExamples.BODY_DESCRIPTION,
                    required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = Manifest.class),
                    examples = @ExampleObject(name = "storage-server", summary = ManifestExamples.STORAGE_SERVER_SUMMARY,
                            description = ManifestExamples.STORAGE_SERVER_DESCRIPTION,
                            value = ManifestExamples.STORAGE_SERVER)))
            @RequestBody Manifest manifest,
            @OverrideForceSyncParameter @RequestParam(defaultValue = "false") boolean overrideForceSync,
            @FormatParameter @RequestParam(name = TraceFormat.NAME, required = false) String format,
            HttpServletResponse response) throws IOException {
        boolean trace = TraceFormat.requested(format);
        Comparison comparison = comparisons.compare(manifest, overrideForceSync);
        if (!trace) {
            return comparison;
        }
        TraceDownload.send(response, comparison.plan() + "-modes",
                out -> TraceExport.comparison(comparison, DriverModules.of(manifest), out));
        return null; // the response is written
    }
}
