package dev.bootplan.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A gate request as JSON. Each document may be given as JSON (an object) or as its text (a string: a rules file in
 * YAML, a dmesg log); an object is read as its pretty-printed text, to which line and column in problems refer.
 */
@Schema(name = "GateRequest", description = "What to gate: a manifest (evaluated in `mode`) or a report, the rules, and "
        + "optional baselines. Give exactly one of manifest and report.")
record GateBody(
        @Schema(description = "A manifest, evaluated in `mode` as POST /api/v1/evaluations would.", implementation = Object.class, types = {"object", "string"})
        JsonNode manifest,
        @Schema(description = "Instead of a manifest: an evaluation report, a dmesg import's answer, or a dmesg log (a string).",
                implementation = Object.class, types = {"object", "string"})
        JsonNode report,
        @Schema(description = "The rules (schemas/gate-rules.schema.json): an object, or the text of a YAML or JSON rules file.",
                implementation = Object.class, types = {"object", "string"}, requiredMode = Schema.RequiredMode.REQUIRED)
        JsonNode rules,
        @ArraySchema(arraySchema = @Schema(description = "Baselines for the baseline and within-noise rules: reports, "
                + "manifests (evaluated in `mode`), dmesg imports' answers, or dmesg logs (strings)."),
                schema = @Schema(implementation = Object.class, types = {"object", "string"}))
        List<JsonNode> baselines,
        @Schema(description = "The probing mode a manifest is evaluated in.", defaultValue = "async",
                allowableValues = {"sync", "async", "forced-sync", "debug-force-all"})
        String mode) {}
