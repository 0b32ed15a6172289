package dev.bootplan.web;

import dev.bootplan.json.JsonReadError;
import dev.bootplan.json.JsonReadErrors;
import java.util.List;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;

/**
 * Turns a body Jackson could not read into a 400 problem whose one violation says where and what
 * ({@link JsonReadErrors}, shared with the command line).
 */
final class JsonProblems {

    private JsonProblems() {}

    static ProblemDetail describe(Throwable unreadable) {
        JacksonException e = Causes.find(unreadable, JacksonException.class);
        if (e == null) {
            return ProblemKind.MALFORMED_JSON.problem("The request body is missing or unreadable; send the manifest as a JSON object.");
        }
        JsonReadError error = JsonReadErrors.describe(e);
        ProblemKind kind = switch (error.kind()) {
            case MALFORMED -> ProblemKind.MALFORMED_JSON;
            case LIMIT_EXCEEDED -> ProblemKind.JSON_LIMIT_EXCEEDED;
            case SCHEMA_MISMATCH -> ProblemKind.JSON_SCHEMA_MISMATCH;
        };
        ProblemDetail p = kind.problem(error.detail());
        p.setProperty("violations", List.of(new ProblemViolation(error.pointer(), error.message())));
        return p;
    }

    /** The RFC 6901 pointer of the exception's path; for a syntax error, of where the parser stood. */
    static String pointer(JacksonException e) {
        return JsonReadErrors.pointer(e);
    }
}
