package dev.bootplan.web;

import dev.bootplan.service.ClientWatch;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Tells whether the client of the current request has closed its connection. The servlet API has no way to ask
 * without writing (which would commit a 200 before the run's outcome is known), so this asks Tomcat, whose
 * connection the request arrived on: once the body has been read, a non-blocking read that finds anything on the
 * socket means the client sent a FIN (or a reset). A pipelined next request would look the same, but RFC 9112
 * §9.3.2 says clients should not pipeline after a non-idempotent method, and every endpoint that simulates is a POST.
 */
@Component
class ClientConnection implements ClientWatch, WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final String ATTRIBUTE = ClientConnection.class.getName();

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextValves(new Remember());
    }

    @Override
    public boolean clientGone() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;
        }
        HttpServletRequest request = attributes.getRequest();
        if (!"POST".equals(request.getMethod()) || !(request.getAttribute(ATTRIBUTE) instanceof org.apache.coyote.Request coyote)) {
            return false;
        }
        if (!bodyRead(request, coyote)) {
            return false; // unread body bytes on the socket would look like a closed connection
        }
        coyote.action(ActionCode.AVAILABLE, Boolean.TRUE); // reads without blocking; end of stream counts as available
        return coyote.getAvailable() > 0;
    }

    /** Whether the body has been read to its end, after reading what of its tail is already buffered (a JSON parser stops at the closing brace). */
    private static boolean bodyRead(HttpServletRequest request, org.apache.coyote.Request coyote) {
        AtomicBoolean done = new AtomicBoolean();
        coyote.action(ActionCode.REQUEST_BODY_FULLY_READ, done);
        if (done.get()) {
            return true;
        }
        try {
            InputStream in = request.getInputStream();
            byte[] sink = new byte[4096];
            while (in.available() > 0 && in.read(sink) >= 0) {
                // discard the tail: the body has been parsed
            }
        } catch (IOException | IllegalStateException e) {
            return false; // the body was read as characters, or the connection failed: ask again next time
        }
        coyote.action(ActionCode.REQUEST_BODY_FULLY_READ, done);
        return done.get();
    }

    /** Keeps Tomcat's own request where the watch can find it: the servlet API hides it behind a facade. */
    private static final class Remember extends ValveBase {

        Remember() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            request.setAttribute(ATTRIBUTE, request.getCoyoteRequest());
            getNext().invoke(request, response);
        }
    }
}
