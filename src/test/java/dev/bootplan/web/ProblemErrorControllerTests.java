package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** The error page for failures that never reach the advice (a filter, the container). */
class ProblemErrorControllerTests {

    private final ProblemErrorController controller = new ProblemErrorController();

    private static MockHttpServletRequest errorDispatch(int status, Throwable ex) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/evaluations");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, ex);
        return request;
    }

    @Test
    void oversizeBodyWrappedByTheContainerIs413Problem() {
        ResponseEntity<ProblemDetail> response =
                controller.error(errorDispatch(500, new ServletException(new BodyTooLargeException(1024))));
        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().getType()).hasToString("https://bootplan.dev/problems/body-too-large");
        assertThat(response.getBody().getInstance()).hasToString("/api/v1/evaluations");
    }

    @Test
    void serverFailureIs500ProblemThatHidesTheException() {
        ResponseEntity<ProblemDetail> response =
                controller.error(errorDispatch(500, new IllegalStateException("secret at Foo.java:42")));
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody().getType()).hasToString("https://bootplan.dev/problems/internal");
        assertThat(response.getBody().getDetail()).doesNotContain("secret", "IllegalStateException");
    }

    @Test
    void clientErrorFromTheContainerKeepsItsStatus() {
        ResponseEntity<ProblemDetail> response = controller.error(errorDispatch(400, null));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().getTitle()).isEqualTo("Bad Request");
    }

    @Test
    void requestingTheErrorPathDirectlyIs404() {
        ResponseEntity<ProblemDetail> response = controller.error(new MockHttpServletRequest("GET", "/error"));
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody().getType()).hasToString("https://bootplan.dev/problems/not-found");
    }
}
