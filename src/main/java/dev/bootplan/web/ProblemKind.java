package dev.bootplan.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The kinds of problem this API reports. Each has a stable {@code type} URI that clients may switch on
 * (RFC 9457 §3.1.1) and a human title; the title never names a Java class.
 */
enum ProblemKind {
    INVALID_MANIFEST(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-manifest", "The manifest cannot be simulated"),
    IMPORT_FAILED(HttpStatus.UNPROCESSABLE_CONTENT, "import-failed", "The imported artefact cannot be used"),
    INVALID_GATE_RULES(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-gate-rules", "The gate's rules cannot be read"),
    INVALID_GATE_INPUT(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-gate-input", "The gate's input or a baseline cannot be read"),
    WORK_BUDGET_EXCEEDED(HttpStatus.UNPROCESSABLE_CONTENT, "work-budget-exceeded", "The simulation would exceed the work budget"),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "malformed-json", "The body is not well-formed JSON"),
    JSON_LIMIT_EXCEEDED(HttpStatus.BAD_REQUEST, "json-limit-exceeded", "The JSON exceeds a parser limit"),
    JSON_SCHEMA_MISMATCH(HttpStatus.BAD_REQUEST, "json-schema-mismatch", "The JSON does not fit the expected schema"),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "invalid-parameter", "A request parameter is invalid"),
    BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "The request body's media type is not supported"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "No acceptable response media type"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "No such resource"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "The method is not allowed on this resource"),
    SERVICE_BUSY(HttpStatus.SERVICE_UNAVAILABLE, "service-busy", "Every simulation thread is busy"),
    DEADLINE_EXCEEDED(HttpStatus.SERVICE_UNAVAILABLE, "deadline-exceeded", "The simulation ran past the request deadline"),
    // Nobody reads it: the status is for access logs and metrics, which count stopped runs apart from errors.
    CLIENT_GONE(HttpStatus.SERVICE_UNAVAILABLE, "client-gone", "The client closed the connection and its simulation was stopped"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal server error");

    static final String TYPE_BASE = "https://bootplan.dev/problems/";

    private final HttpStatus status;
    private final URI type;
    private final String title;

    ProblemKind(HttpStatus status, String slug, String title) {
        this.status = status;
        this.type = URI.create(TYPE_BASE + slug);
        this.title = title;
    }

    HttpStatus status() {
        return status;
    }

    ProblemDetail problem(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(type);
        p.setTitle(title);
        return p;
    }

    /**
     * Gives a problem that Spring built (405, 406, 415, 404 …, still {@code about:blank}) this API's type and
     * title when one kind owns its status. Other statuses keep {@code about:blank} with the status phrase as
     * title, which RFC 9457 §4.2.1 defines for exactly that case.
     */
    static void adopt(ProblemDetail p) {
        // Spring 7 leaves the type null for "about:blank" (RFC 9457 §3.1.1: the same thing).
        if (p.getType() != null && !"about:blank".equals(p.getType().toString())) {
            return;
        }
        ProblemKind kind = switch (p.getStatus()) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> BODY_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 500 -> INTERNAL;
            default -> null;
        };
        if (kind != null) {
            p.setType(kind.type);
            p.setTitle(kind.title);
        }
    }
}
