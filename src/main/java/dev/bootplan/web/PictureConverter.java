package dev.bootplan.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes one report type as a picture (SVG or HTML, UTF-8) when the client accepts that media type; never reads.
 * The handlers list JSON first in their {@code produces}, so a client that accepts anything still gets JSON.
 */
final class PictureConverter<T> extends AbstractHttpMessageConverter<T> {

    /** Draws a value onto a writer. */
    @FunctionalInterface
    interface Drawing<T> {
        void draw(T value, Writer out) throws IOException;
    }

    static final String SVG = "image/svg+xml";
    static final MediaType SVG_TYPE = MediaType.parseMediaType(SVG);

    private final Class<T> type;
    private final Drawing<T> drawing;

    PictureConverter(Class<T> type, MediaType mediaType, Drawing<T> drawing) {
        super(StandardCharsets.UTF_8, mediaType);
        this.type = type;
        this.drawing = drawing;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return type.equals(clazz);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected T readInternal(Class<? extends T> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("pictures are only written", input);
    }

    @Override
    protected void writeInternal(T value, HttpOutputMessage output) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8), 65_536);
        drawing.draw(value, out);
        out.flush();
    }
}
