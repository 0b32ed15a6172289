package dev.bootplan.web;

import dev.bootplan.config.BootPlanProperties;
import dev.bootplan.ingest.TextInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import org.springframework.web.multipart.MultipartFile;

/** How an uploaded part is named in issues, and how an import's inputs are opened as text. */
final class Uploads {

    private Uploads() {}

    /** The uploaded file's own name, or the part's; never a path (a client's directory layout is not ours to echo). */
    static String sourceName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return file.getName();
        }
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    /**
     * What one import request may read once decompressed: the import size limit, as for its body, so that gzip
     * cannot smuggle more past it. One per request, shared by its parts.
     */
    static TextInput.Budget budget(BootPlanProperties properties) {
        return new TextInput.Budget(properties.limits().maxImportSize().toBytes(), BodyTooLargeException.IMPORT_LIMIT);
    }

    /** A body or part as text: gzip decompressed, binary and quoted-printable input refused ({@link TextInput}). */
    static Reader text(String source, InputStream in, TextInput.Budget budget) throws IOException {
        return TextInput.open(source, in, budget, false);
    }

    /** A part as text, named after its file ({@link #sourceName}); {@code nulIsText} for NUL-separated records. */
    static Reader text(MultipartFile part, TextInput.Budget budget, boolean nulIsText) throws IOException {
        return TextInput.open(sourceName(part), part.getInputStream(), budget, nulIsText);
    }
}
