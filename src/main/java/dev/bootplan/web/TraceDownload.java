package dev.bootplan.web;

import dev.bootplan.trace.TraceExport;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Streams a trace into the response as a download ({@code Content-Disposition: attachment; filename=….trace.json}):
 * a trace of a million spans is a few hundred megabytes that a String would hold twice. Called once the report
 * exists, so a request that cannot be simulated still gets its problem document.
 */
final class TraceDownload {

    /** Writes a trace onto a writer. */
    @FunctionalInterface
    interface Body {
        void write(Writer out) throws IOException;
    }

    private TraceDownload() {}

    static void send(HttpServletResponse response, String name, Body body) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(TraceExport.fileName(name)).build().toString());
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 65_536);
        body.write(out);
        out.flush();
    }
}
