package dev.bootplan.web;

import dev.bootplan.manifest.Manifest;
import dev.bootplan.report.Report;
import dev.bootplan.service.EvaluationService;
import dev.bootplan.trace.DriverModules;
import dev.bootplan.trace.TraceExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
@Tag(name = "Evaluations", description = "Simulate one plan under one probing mode.")
class EvaluationController {

    private final EvaluationService evaluations;

    EvaluationController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @PostMapping(path = "/api/v1/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, PictureConverter.SVG, MediaType.TEXT_HTML_VALUE})
    @Operation(summary = "Simulate a manifest's boot under one probing mode",
            description = "Validates the manifest (every violation is reported at once), then simulates the boot under "
                    + "the chosen mode and returns milestones, per-device and per-module outcomes, the timeline, "
                    + "findings and device limits. Times are integer microseconds from the start of the boot.")
    @ApiResponse(responseCode = "200", description = "The predicted boot: JSON by default; with Accept: image/svg+xml the timeline (one row per lane, spans coloured by kind, milestones, udev windows, findings) as one "
            + "SVG; with Accept: text/html a self-contained, printable HTML page (inline style and SVG, no script, no "
            + "external requests); with format=trace a Chrome Trace Event Format download (application/json, see the "
            + "format parameter). Errors are application/problem+json whatever the Accept header.",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = Report.class)),
                @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string", description = "An SVG document.")),
                @Content(mediaType = "text/html", schema = @Schema(type = "string", description = "An HTML page."))})
    @ManifestProblemResponses
    Report evaluate(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = ManifestExamples.BODY_DESCRIPTION,
                    required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = Manifest.class),
                    examples = @ExampleObject(name = "storage-server", summary = ManifestExamples.STORAGE_SERVER_SUMMARY,
                            description = ManifestExamples.STORAGE_SERVER_DESCRIPTION,
                            value = ManifestExamples.STORAGE_SERVER)))
            @RequestBody Manifest manifest,
            @Parameter(description = "The probing mode to simulate; see GET /api/v1/modes.",
                    schema = @Schema(type = "string", defaultValue = "async",
                            allowableValues = {"sync", "async", "forced-sync", "debug-force-all"}))
            @RequestParam(defaultValue = "async") String mode,
            @OverrideForceSyncParameter @RequestParam(defaultValue = "false") boolean overrideForceSync,
            @FormatParameter @RequestParam(name = TraceFormat.NAME, required = false) String format,
            HttpServletResponse response) throws IOException {
        boolean trace = TraceFormat.requested(format);
        Report report = evaluations.evaluate(manifest, ModeParameter.resolve(mode, overrideForceSync));
        if (!trace) {
            return report;
        }
        TraceDownload.send(response, report.plan() + "-" + report.mode(),
                out -> TraceExport.evaluation(report, DriverModules.of(manifest), out));
        return null; // the response is written
    }
}
