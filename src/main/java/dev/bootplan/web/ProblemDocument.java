package dev.bootplan.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Documentation only: the shape of the {@link org.springframework.http.ProblemDetail} bodies the advice
 * writes, so that the OpenAPI description names every field. A full-stack test checks that no problem
 * body carries a field missing here.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem detail, sent as application/problem+json.")
record ProblemDocument(
        @Schema(description = "URI naming the kind of problem; stable, clients may switch on it.",
                example = "https://bootplan.dev/problems/invalid-manifest")
        String type,
        @Schema(description = "Short human summary of the kind of problem.", example = "The manifest cannot be simulated")
        String title,
        @Schema(description = "The HTTP status code.", example = "422")
        int status,
        @Schema(description = "What went wrong this time, in plain words.",
                example = "2 problems in the manifest; each is listed under violations")
        String detail,
        @Schema(description = "The request path the problem occurred on.", example = "/api/v1/evaluations")
        String instance,
        @Schema(description = "Every problem found in the body, each with a JSON pointer "
                + "(invalid-manifest, malformed-json, json-limit-exceeded and json-schema-mismatch).")
        List<ProblemViolation> violations,
        @Schema(description = "The offending request parameter (invalid-parameter).", example = "mode")
        String parameter,
        @Schema(description = "The values the parameter accepts (invalid-parameter).",
                example = "[\"sync\", \"async\", \"forced-sync\", \"debug-force-all\"]")
        List<String> allowed,
        @Schema(description = "The configuration property of the limit that was hit (body-too-large, work-budget-exceeded).",
                example = "bootplan.limits.max-events")
        String limit,
        @Schema(description = "The value of that limit: bytes for body-too-large, simulated events for work-budget-exceeded.",
                example = "20000000")
        Long limitValue) {}
