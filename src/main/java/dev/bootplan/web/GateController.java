package dev.bootplan.web;

import dev.bootplan.config.BootPlanProperties;
import dev.bootplan.gate.GateFile;
import dev.bootplan.gate.GateOutcome;
import dev.bootplan.gate.GateRequest;
import dev.bootplan.gate.Verdict;
import dev.bootplan.ingest.TextInput;
import dev.bootplan.service.GateService;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gate over HTTP: the same rules and core as {@code bootplan gate}. A verdict is a 200 whether it passed or not
 * ({@code passed: false} is an answer, not an error); rules, an input or a baseline that cannot be read is a 422 naming
 * the file, line and column.
 */
@RestController
@Tag(name = "Gates", description = "Hold a plan or a report against a rules file, as a CI pipeline does.")
class GateController {

    private static final String PATH = "/api/v1/gates";
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String FORM = MediaType.MULTIPART_FORM_DATA_VALUE;
    private static final String DESCRIPTION = "Evaluates the manifest in `mode` (or takes the report as it is), holds the "
            + "boot against every rule (a milestone no later than a time; no finding of given codes or at or above a "
            + "severity; device-limit headroom; no device lost; no more than X % slower than the baselines; within the "
            + "baselines' noise, mean + k·σ) and answers with the verdict, each breach placed at its JSON pointer and "
            + "line and column in the input. The rules are YAML or JSON (schemas/gate-rules.schema.json). As JSON: the "
            + "documents as objects or as text; as a form: parts `manifest` or `report`, `rules`, and any number of "
            + "`baseline`, with `mode` as a query parameter. Unreadable rules, input or baselines are a 422 "
            + "(invalid-gate-rules, invalid-gate-input) listing each problem with its line and column.";
    private static final String EXAMPLE = """
            {
              "manifest": {"name": "two-disks", "kernel": {"version": "6.12", "modulesEnabled": true},
                "modules": [{"name": "sd_mod", "init": "1ms", "drivers": ["sd"]}],
                "drivers": [{"name": "sd", "probeType": "prefer-async"}],
                "devices": [{"name": "0:0:{n}:0", "driver": "sd", "probeTime": "1.6s", "count": 2}]},
              "rules": "rules:\\n  - type: no-device-lost\\n  - type: milestone\\n    milestone: allDevicesSettled\\n    noLaterThan: 30s\\n",
              "mode": "sync"
            }""";

    private final GateService gates;
    private final JsonMapper json;
    private final BootPlanProperties properties;

    GateController(GateService gates, JsonMapper json, BootPlanProperties properties) {
        this.gates = gates;
        this.json = json;
        this.properties = properties;
    }

    @PostMapping(path = PATH, consumes = JSON, produces = JSON)
    @Operation(summary = "Gate a plan or a report against rules: the verdict (200 also when it failed)",
            description = DESCRIPTION, requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = {
                        @Content(mediaType = JSON, schema = @Schema(implementation = GateBody.class),
                                examples = @ExampleObject(name = "sync-two-disks", summary = "Two disks in sync mode, "
                                        + "rules as YAML text", value = EXAMPLE)),
                        @Content(mediaType = FORM, schemaProperties = {
                            @SchemaProperty(name = "manifest", schema = @Schema(type = "string", format = "binary",
                                    description = "A manifest file (or give `report`).")),
                            @SchemaProperty(name = "report", schema = @Schema(type = "string", format = "binary",
                                    description = "An evaluation report, a dmesg import's answer, or a dmesg log.")),
                            @SchemaProperty(name = "rules", schema = @Schema(type = "string", format = "binary",
                                    description = "The rules file, YAML or JSON.")),
                            @SchemaProperty(name = "baseline", schema = @Schema(type = "string", format = "binary",
                                    description = "A baseline; repeat the part for several."))
                        })
                    }))
    @ApiResponse(responseCode = "200", description = "The verdict: `passed`, and per rule its result and breaches.",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Verdict.class)))
    @ApiResponse(responseCode = "422", description = "The rules, the input or a baseline cannot be read: "
            + "`problems` lists each with its source, line, column and JSON pointer.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    Verdict gateJson(@RequestBody GateBody body) {
        if ((body.manifest() == null) == (body.report() == null)) {
            throw new InvalidParameterException("manifest", "give exactly one of \"manifest\" and \"report\"", List.of());
        }
        if (body.rules() == null) {
            throw new InvalidParameterException("rules", "\"rules\" is required", List.of());
        }
        String mode = mode(body.mode());
        GateFile input = body.manifest() != null ? file("manifest", body.manifest()) : file("report", body.report());
        List<GateFile> baselines = new ArrayList<>();
        List<JsonNode> given = body.baselines() == null ? List.of() : body.baselines();
        for (int i = 0; i < given.size(); i++) {
            baselines.add(file("baselines/" + i, given.get(i)));
        }
        return verdict(new GateRequest(input, file("rules", body.rules()), baselines, mode));
    }

    @PostMapping(path = PATH, consumes = FORM, produces = JSON)
    @Hidden // documented on gateJson
    Verdict gateForm(
            @RequestPart(name = "manifest", required = false) MultipartFile manifest,
            @RequestPart(name = "report", required = false) MultipartFile report,
            @RequestPart("rules") MultipartFile rules,
            @RequestPart(name = "baseline", required = false) List<MultipartFile> baseline,
            @Parameter(description = "The probing mode a manifest is evaluated in.")
            @RequestParam(defaultValue = "async") String mode) throws IOException {
        if ((manifest == null) == (report == null)) {
            throw new InvalidParameterException("manifest", "give exactly one of the parts \"manifest\" and \"report\"", List.of());
        }
        TextInput.Budget budget = Uploads.budget(properties);
        List<GateFile> baselines = new ArrayList<>();
        for (MultipartFile b : baseline == null ? List.<MultipartFile>of() : baseline) {
            baselines.add(file(b, budget));
        }
        return verdict(new GateRequest(file(manifest != null ? manifest : report, budget), file(rules, budget), baselines,
                mode(mode)));
    }

    private Verdict verdict(GateRequest request) {
        GateOutcome outcome = gates.judge(request);
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return outcome.verdict();
    }

    private static String mode(String mode) {
        return ModeParameter.resolve(mode == null ? GateRequest.DEFAULT_MODE : mode, false).name();
    }

    /** A document given as JSON: its text if a string, else the object pretty-printed (what line and column refer to). */
    private GateFile file(String name, JsonNode node) {
        return new GateFile(name, node.isString() ? node.asString() : json.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }

    private static GateFile file(MultipartFile part, TextInput.Budget budget) throws IOException {
        try (Reader in = Uploads.text(part, budget, false)) {
            StringBuilder s = new StringBuilder();
            char[] buffer = new char[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                s.append(buffer, 0, n);
            }
            return new GateFile(Uploads.sourceName(part), s.toString());
        }
    }
}
