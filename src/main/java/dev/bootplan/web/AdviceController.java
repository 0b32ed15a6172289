package dev.bootplan.web;

import dev.bootplan.advice.Advice;
import dev.bootplan.advice.AdviceOptions;
import dev.bootplan.advice.Goal;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.service.AdviceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Advice", description = "The settings to ship: each line as written, what it buys and what it risks.")
class AdviceController {

    static final int MAX_EVALUATIONS = AdviceOptions.MAX_EVALUATIONS;
    static final int MAX_HEADROOM = AdviceOptions.MAX_HEADROOM_PERCENT;

    private final AdviceService advice;

    AdviceController(AdviceService advice) {
        this.advice = advice;
    }

    @PostMapping(path = "/api/v1/advice", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, PictureConverter.SVG, MediaType.TEXT_HTML_VALUE})
    @Operation(summary = "Search the settings to ship for a manifest",
            description = "Searches the settings this plan's kernel and systemd honour (per-module async_probe as "
                    + "modprobe.d lines, built-in drivers in driver_async_probe=, udev.children_max=, rootwait, rootdelay=) "
                    + "by simulation, keeping every device the plan binds bound and making the goal milestone as early as "
                    + "it can; then the smallest round udev.event_timeout= that keeps the headroom asked for. Each line "
                    + "comes with its gain alone and its risks; module.async_probe=1 and driver_async_probe=* are weighed. "
                    + "The search is deterministic and bounded by maxEvaluations and bootplan.limits.max-events; it says "
                    + "whether it proved the set best within the searched space (docs/advice.md).")
    @ApiResponse(responseCode = "200", description = "The advice: JSON by default; with Accept: image/svg+xml the boot "
            + "before and after the advice, beside the four modes, as one SVG; with Accept: text/html a self-contained page "
            + "with the lines to ship in a copyable block and the risks beside them. Errors are application/problem+json.",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = Advice.class)),
                @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string", description = "An SVG document.")),
                @Content(mediaType = "text/html", schema = @Schema(type = "string", description = "An HTML page."))})
    @ManifestProblemResponses
    Advice advise(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = ManifestExamples.BODY_DESCRIPTION,
                    required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = Manifest.class),
                    examples = @ExampleObject(name = "storage-server", summary = ManifestExamples.STORAGE_SERVER_SUMMARY,
                            description = ManifestExamples.STORAGE_SERVER_DESCRIPTION,
                            value = ManifestExamples.STORAGE_SERVER)))
            @RequestBody Manifest manifest,
            @Parameter(description = "The milestone to make as early as possible, once every device the plan binds stays bound.",
                    schema = @Schema(type = "string", defaultValue = "allDevicesSettled",
                            allowableValues = {"allDevicesSettled", "udevSettled", "rootMounted", "initStart", "initcallsDone"}))
            @RequestParam(defaultValue = "allDevicesSettled") String goal,
            @Parameter(description = "Headroom a recommended timeout keeps, in percent of the plan's probe times (0–1000).",
                    schema = @Schema(type = "integer", defaultValue = "50", minimum = "0", maximum = "1000"))
            @RequestParam(defaultValue = "50") String headroom,
            @Parameter(description = "The most simulations the search may run (1–2000); it stops early and says so.",
                    schema = @Schema(type = "integer", defaultValue = "200", minimum = "1", maximum = "2000"))
            @RequestParam(defaultValue = "200") String maxEvaluations) {
        return advice.advise(manifest, goal(goal), number("headroom", headroom, 0, MAX_HEADROOM),
                number("maxEvaluations", maxEvaluations, 1, MAX_EVALUATIONS));
    }

    private static Goal goal(String name) {
        List<String> names = Arrays.stream(Goal.values()).map(Goal::name).toList();
        if (!names.contains(name)) {
            throw new InvalidParameterException("goal", "unknown goal \"" + (name.length() > 64 ? name.substring(0, 61) + "..."
                    : name) + "\"; the goals are " + String.join(", ", names), names);
        }
        return Goal.valueOf(name);
    }

    private static int number(String parameter, String value, int min, int max) {
        if (value.matches("\\d{1,9}")) {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        }
        throw new InvalidParameterException(parameter, parameter + " must be a whole number from " + min + " to " + max
                + (parameter.equals("headroom") ? " (percent; default " + AdviceOptions.DEFAULT_HEADROOM_PERCENT + ")" : ""),
                List.of(min + ".." + max));
    }
}
