package dev.bootplan.web;

import dev.bootplan.config.BootPlanProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Caps request bodies at {@code bootplan.limits.max-body-size}, and imports (paths under {@value #IMPORTS}) at
 * {@code bootplan.limits.max-import-size}; nothing in Boot or Tomcat caps a JSON body.
 * A declared Content-Length over the limit is refused before a byte is read; a body without one (chunked)
 * is counted as it is read and fails with {@link BodyTooLargeException} once past the limit. Both become a
 * 413 problem through the same advice as every other error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimitFilter extends OncePerRequestFilter {

    static final String IMPORTS = "/api/v1/imports/";

    private final long maxBytes;
    private final long maxImportBytes;
    private final HandlerExceptionResolver resolver;

    BodySizeLimitFilter(BootPlanProperties properties,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.maxBytes = properties.limits().maxBodySize().toBytes();
        this.maxImportBytes = properties.limits().maxImportSize().toBytes();
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean isImport = request.getRequestURI().startsWith(IMPORTS);
        long limit = isImport ? maxImportBytes : maxBytes;
        String property = isImport ? BodyTooLargeException.IMPORT_LIMIT : BodyTooLargeException.BODY_LIMIT;
        if (request.getContentLengthLong() > limit) {
            reject(request, response, new BodyTooLargeException(limit, property));
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit, property), response);
        } catch (IOException | ServletException | RuntimeException e) {
            // Normally the advice has already answered; this catches a body read outside Spring MVC.
            BodyTooLargeException tooLarge = Causes.find(e, BodyTooLargeException.class);
            if (tooLarge == null || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            reject(request, response, tooLarge);
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, BodyTooLargeException ex)
            throws IOException {
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (resolver.resolveException(request, response, null, ex) == null) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        }
    }

    /** A request whose body stream fails once more than {@code maxBytes} have been read. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private final String property;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes, String property) {
            super(request);
            this.maxBytes = maxBytes;
            this.property = property;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingInputStream(super.getInputStream(), maxBytes, property);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private final String property;
        private long count;

        CountingInputStream(ServletInputStream in, long maxBytes, String property) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.property = property;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) throws BodyTooLargeException {
            count += n;
            if (count > maxBytes) {
                throw new BodyTooLargeException(maxBytes, property);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
