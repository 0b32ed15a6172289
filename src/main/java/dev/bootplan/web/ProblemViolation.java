package dev.bootplan.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** One thing wrong with a request body, as problem details list it. */
@Schema(name = "Violation", description = "One thing wrong with the request body.")
public record ProblemViolation(
        @Schema(description = "RFC 6901 JSON pointer to the offending value (\"\" is the whole body).",
                example = "/devices/3/driver")
        String pointer,
        @Schema(description = "What is wrong, in plain words.",
                example = "unknown driver \"mpt3sas\" (declare it under /drivers)")
        String message) {}
