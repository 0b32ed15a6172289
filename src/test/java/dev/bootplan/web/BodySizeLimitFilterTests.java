package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootplan.config.BootPlanProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.ModelAndView;

/** The filter alone; FullStackProblemDetailsTests sends real oversize bodies over HTTP. */
class BodySizeLimitFilterTests {

    private static final int LIMIT = 1024;
    private static final int IMPORT_LIMIT = 4096;

    private final AtomicReference<Exception> resolved = new AtomicReference<>();
    private final BodySizeLimitFilter filter = new BodySizeLimitFilter(
            new BootPlanProperties(new BootPlanProperties.Limits(DataSize.ofBytes(LIMIT), DataSize.ofBytes(IMPORT_LIMIT), 1, 1, 1, 1, 1, 1, java.time.Duration.ofSeconds(10), 0, java.time.Duration.ofSeconds(2), 0)),
            (request, response, handler, ex) -> {
                resolved.set(ex);
                response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return new ModelAndView();
            });

    /** A request that, like a chunked one, does not declare its length. */
    private static MockHttpServletRequest undeclaredLength(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/evaluations") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContent(body);
        return request;
    }

    @Test
    void declaredLengthOverTheLimitIsRejectedBeforeTheChainRuns() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/evaluations");
        request.setContent(new byte[LIMIT + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest()).isNull();
        assertThat(resolved.get()).isInstanceOf(BodyTooLargeException.class);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getCharacterEncoding()).isEqualToIgnoringCase("UTF-8");
    }

    @Test
    void undeclaredLengthFailsOnceReadingPassesTheLimit() throws Exception {
        MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
                    throws java.io.IOException {
                assertThatThrownBy(() -> req.getInputStream().readAllBytes()).isInstanceOf(BodyTooLargeException.class);
                throw new BodyTooLargeException(LIMIT); // as if wrapped by a reader and rethrown
            }
        });
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(undeclaredLength(new byte[LIMIT + 1]), response, chain);
        assertThat(resolved.get()).isInstanceOf(BodyTooLargeException.class);
        assertThat(response.getStatus()).isEqualTo(413);
    }

    @Test
    void bodyAtTheLimitPassesThroughUnchanged() throws Exception {
        byte[] body = new byte[LIMIT];
        AtomicReference<byte[]> read = new AtomicReference<>();
        MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
                    throws java.io.IOException {
                read.set(req.getInputStream().readAllBytes());
            }
        });
        filter.doFilter(undeclaredLength(body), new MockHttpServletResponse(), chain);
        assertThat(read.get()).hasSize(LIMIT);
        assertThat(resolved.get()).isNull();
    }

    @Test
    void importsHaveTheirOwnLargerLimitAndSayWhichSettingSetsIt() throws Exception {
        MockHttpServletRequest fits = new MockHttpServletRequest("POST", "/api/v1/imports/dmesg");
        fits.setContent(new byte[IMPORT_LIMIT]);
        MockFilterChain passed = new MockFilterChain();
        filter.doFilter(fits, new MockHttpServletResponse(), passed);
        assertThat(passed.getRequest()).isNotNull();
        assertThat(resolved.get()).isNull();

        MockHttpServletRequest over = new MockHttpServletRequest("POST", "/api/v1/imports/dmesg");
        over.setContent(new byte[IMPORT_LIMIT + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(over, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(resolved.get()).isInstanceOfSatisfying(BodyTooLargeException.class, e -> {
            assertThat(e.maxBytes()).isEqualTo(IMPORT_LIMIT);
            assertThat(e.property()).isEqualTo("bootplan.limits.max-import-size");
        });
    }

    @Test
    void anUndeclaredImportBodyIsCountedAgainstTheImportLimit() throws Exception {
        MockHttpServletRequest request = undeclaredLength(new byte[IMPORT_LIMIT + 1]);
        request.setRequestURI("/api/v1/imports/dmesg");
        AtomicReference<Exception> thrown = new AtomicReference<>();
        MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
                try {
                    req.getInputStream().readNBytes(IMPORT_LIMIT); // more than the manifest limit, within the import one
                    req.getInputStream().readAllBytes();
                } catch (java.io.IOException e) {
                    thrown.set(e);
                }
            }
        });
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(thrown.get()).isInstanceOfSatisfying(BodyTooLargeException.class,
                e -> assertThat(e.maxBytes()).isEqualTo(IMPORT_LIMIT));
    }
}
