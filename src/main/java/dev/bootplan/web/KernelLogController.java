package dev.bootplan.web;

import dev.bootplan.manifest.Manifest;
import dev.bootplan.service.EvaluationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Evaluations", description = "Simulate one plan under one probing mode.")
class KernelLogController {

    private final EvaluationService evaluations;

    KernelLogController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @PostMapping(path = "/api/v1/evaluations/kernel-log", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The initcall_debug log the kernel would print for this boot",
            description = "Simulates like POST /api/v1/evaluations and returns the predicted kernel log in the formats of "
                    + "initcall_debug (calling / initcall … returned … after N usecs / probe of … returned … after N usecs, "
                    + "with [seconds.micros] timestamps), as a download, so a prediction can be diffed against a real dmesg.")
    @ApiResponse(responseCode = "200", description = "The predicted log, one kernel line per line.",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string",
                    example = "[    0.100000] calling  m_init+0x0/0x1000 [m] @ 412\\n")))
    @ManifestProblemResponses
    ResponseEntity<String> kernelLog(
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
            @OverrideForceSyncParameter @RequestParam(defaultValue = "false") boolean overrideForceSync) {
        String log = evaluations.predictKernelLog(manifest, ModeParameter.resolve(mode, overrideForceSync));
        String file = (manifest.name() == null ? "plan" : manifest.name()).replaceAll("[^A-Za-z0-9._-]", "_") + "-" + mode + ".dmesg";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(log);
    }
}
