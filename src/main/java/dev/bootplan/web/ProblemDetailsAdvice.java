package dev.bootplan.web;

import dev.bootplan.engine.WorkBudgetExceededException;
import dev.bootplan.gate.GateInputException;
import dev.bootplan.ingest.ImportFailedException;
import dev.bootplan.manifest.ManifestInvalidException;
import dev.bootplan.service.ClientGoneException;
import dev.bootplan.service.DeadlineExceededException;
import dev.bootplan.service.IssueView;
import dev.bootplan.service.ServiceBusyException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place exceptions become HTTP: RFC 9457 problem details with a stable type per kind. Spring's own
 * exceptions (405, 406, 415, 404 …) are built by the base class and given this API's type and title in
 * {@link #createResponseEntity}. Anything unexpected is a logged 500 without a stack trace in the body.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ManifestInvalidException.class)
    ResponseEntity<Object> invalidManifest(ManifestInvalidException ex, WebRequest request) {
        List<ProblemViolation> violations =
                ex.violations().stream().map(v -> new ProblemViolation(v.pointer(), v.message())).toList();
        ProblemDetail p = ProblemKind.INVALID_MANIFEST.problem(violations.size() == 1
                ? "1 problem in the manifest; it is listed under violations"
                : violations.size() + " problems in the manifest; each is listed under violations");
        p.setProperty("violations", violations);
        return respond(ex, p, request);
    }

    @ExceptionHandler(ImportFailedException.class)
    ResponseEntity<Object> importFailed(ImportFailedException ex, WebRequest request) {
        ProblemDetail p = ProblemKind.IMPORT_FAILED.problem(ex.getMessage() + "; the parser's issues are listed under issues");
        p.setProperty("issues", ex.issues().stream().map(IssueView::of).toList());
        return respond(ex, p, request);
    }

    @ExceptionHandler(GateInputException.class)
    ResponseEntity<Object> gateInput(GateInputException ex, WebRequest request) {
        ProblemKind kind = ex.part() == GateInputException.Part.rules ? ProblemKind.INVALID_GATE_RULES : ProblemKind.INVALID_GATE_INPUT;
        ProblemDetail p = kind.problem(ex.getMessage());
        p.setProperty("part", ex.part().name());
        p.setProperty("problems", ex.problems());
        return respond(ex, p, request);
    }

    @ExceptionHandler(WorkBudgetExceededException.class)
    ResponseEntity<Object> workBudgetExceeded(WorkBudgetExceededException ex, WebRequest request) {
        ProblemDetail p = ProblemKind.WORK_BUDGET_EXCEEDED.problem(ex.getMessage());
        p.setProperty("limit", ex.property());
        p.setProperty("limitValue", ex.budget());
        return respond(ex, p, request);
    }

    @ExceptionHandler(ServiceBusyException.class)
    ResponseEntity<Object> serviceBusy(ServiceBusyException ex, WebRequest request) {
        ProblemDetail p = ProblemKind.SERVICE_BUSY.problem(ex.getMessage());
        p.setProperty("limit", ex.limit());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
        return handleExceptionInternal(ex, p, headers, HttpStatusCode.valueOf(p.getStatus()), request);
    }

    @ExceptionHandler(DeadlineExceededException.class)
    ResponseEntity<Object> deadlineExceeded(DeadlineExceededException ex, WebRequest request) {
        ProblemDetail p = ProblemKind.DEADLINE_EXCEEDED.problem(ex.getMessage());
        p.setProperty("limit", "bootplan.limits.request-deadline");
        p.setProperty("limitValue", ex.deadline().toMillis());
        return respond(ex, p, request);
    }

    @ExceptionHandler(ClientGoneException.class)
    ResponseEntity<Object> clientGone(ClientGoneException ex, WebRequest request) {
        return respond(ex, ProblemKind.CLIENT_GONE.problem(ex.getMessage()), request);
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> invalidParameter(InvalidParameterException ex, WebRequest request) {
        return respond(ex, parameterProblem(ex.parameter(), ex.getMessage(), ex.allowed()), request);
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Object> bodyTooLarge(BodyTooLargeException ex, WebRequest request) {
        ProblemDetail p = ProblemKind.BODY_TOO_LARGE.problem("The request body is larger than the limit of " + ex.maxBytes() + " bytes.");
        p.setProperty("limit", ex.property());
        p.setProperty("limitValue", ex.maxBytes());
        return respond(ex, p, request);
    }

    /** Last resort. A body over the limit can arrive wrapped in anything; everything else is our bug. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        BodyTooLargeException tooLarge = Causes.find(ex, BodyTooLargeException.class);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge, request);
        }
        log.error("Unexpected failure on {}", request.getDescription(false), ex);
        return respond(ex, ProblemKind.INTERNAL.problem("An unexpected error occurred; it has been logged."), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Jackson wraps the limited stream's exception: unwrap it back to a 413.
        BodyTooLargeException tooLarge = Causes.find(ex, BodyTooLargeException.class);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge, request);
        }
        return handleExceptionInternal(ex, JsonProblems.describe(ex), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        boolean bool = type == boolean.class || type == Boolean.class;
        String value = String.valueOf(ex.getValue());
        value = value.length() <= 64 ? value : value.substring(0, 61) + "...";
        String message = "\"" + value + "\" is not a valid value for " + name + (bool ? "; use true or false" : "");
        return handleExceptionInternal(ex, parameterProblem(name, message, bool ? List.of("true", "false") : List.of()),
                headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail p) {
            ProblemKind.adopt(p);
        }
        // Errors are problem+json whatever the client accepts (also answers Accept: application/xml with a 406 body).
        HttpHeaders h = new HttpHeaders();
        h.putAll(headers);
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, h, statusCode);
    }

    private ResponseEntity<Object> respond(Exception ex, ProblemDetail p, WebRequest request) {
        return handleExceptionInternal(ex, p, new HttpHeaders(), HttpStatusCode.valueOf(p.getStatus()), request);
    }

    private static ProblemDetail parameterProblem(String parameter, String message, List<String> allowed) {
        ProblemDetail p = ProblemKind.INVALID_PARAMETER.problem(message);
        p.setProperty("parameter", parameter);
        if (!allowed.isEmpty()) {
            p.setProperty("allowed", allowed);
        }
        return p;
    }
}
