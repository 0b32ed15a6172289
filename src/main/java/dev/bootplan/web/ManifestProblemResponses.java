package dev.bootplan.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The error responses of an endpoint that reads a manifest (springdoc reads meta-annotations). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "400", description = "Malformed JSON (`malformed-json`), JSON over a parser limit such as "
        + "nesting depth (`json-limit-exceeded`), a value of the wrong type, a bare number for a time span or an unknown "
        + "field (`json-schema-mismatch`), each with a JSON pointer; or a bad query parameter (`invalid-parameter`).",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
@ApiResponse(responseCode = "406", description = "The client accepts no JSON (`not-acceptable`).",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
@ApiResponse(responseCode = "413", description = "The body is over `bootplan.limits.max-body-size` (`body-too-large`).",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
@ApiResponse(responseCode = "415", description = "The body is not `application/json` (`unsupported-media-type`).",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
@ApiResponse(responseCode = "422", description = "A well-formed manifest that cannot be simulated (`invalid-manifest`, "
        + "every violation listed with its JSON pointer), or a simulation over its work or report budget (`work-budget-exceeded`, naming the setting under `limit`).",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
@ApiResponse(responseCode = "503", description = "Every simulation thread stayed busy for `bootplan.limits.admission-wait`, "
        + "or `bootplan.limits.max-queued-runs` requests already wait for one (`service-busy`, with `Retry-After`, the "
        + "setting under `limit`), or the simulation ran past `bootplan.limits.request-deadline` and was "
        + "stopped (`deadline-exceeded`).",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
@ApiResponse(responseCode = "500", description = "A bug on our side (`internal`); never caused by what a client sent.",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
@interface ManifestProblemResponses {}
