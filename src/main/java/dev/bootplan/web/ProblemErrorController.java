package dev.bootplan.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's whitelabel/JSON error page so that the few errors that never reach the advice (raised
 * in a filter, or by the container itself) are problem details too. Never shows an exception or trace.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${spring.web.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // No error attributes: someone asked for the error path itself, which is not a resource.
        HttpStatus status = code == null ? HttpStatus.NOT_FOUND
                : code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        Throwable ex = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (Causes.find(ex, BodyTooLargeException.class) != null) {
            status = HttpStatus.CONTENT_TOO_LARGE;
        } else if (ex != null && status.is5xxServerError()) {
            log.error("Unexpected failure on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), ex);
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, status.is5xxServerError()
                ? "An unexpected error occurred; it has been logged." : status.getReasonPhrase() + ".");
        ProblemKind.adopt(p);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            try {
                p.setInstance(new URI(null, null, uri, null));
            } catch (URISyntaxException ignored) {
                // The container accepted a path URI cannot express: leave instance out rather than fail here.
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
