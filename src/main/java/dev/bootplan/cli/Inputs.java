package dev.bootplan.cli;

import dev.bootplan.ingest.TextInput;
import dev.bootplan.manifest.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens what a command reads: a file, or {@code -} for standard input. A manifest is read whole, up to the body limit,
 * as the service reads a request body; an artefact (a log, module metadata) is streamed as text by the importers'
 * {@link TextInput}, up to the import limit, counted once decompressed.
 */
final class Inputs {

    static final String STDIN = "-";

    private final Streams streams;
    private final Limits limits;

    Inputs(Streams streams, Limits limits) {
        this.streams = streams;
        this.limits = limits;
    }

    /** A manifest, read with the service's mapper and limits. */
    Manifest manifest(String path, Core core) {
        byte[] bytes;
        try (InputStream in = open(path)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBodyBytes() + 1));
        } catch (IOException e) {
            throw unreadable(path, e);
        }
        if (bytes.length > limits.maxBodyBytes()) {
            throw new InputException(name(path) + " is larger than the limit of " + limits.maxBodyBytes() + " bytes ("
                    + Limits.MAX_BODY_SIZE + ")");
        }
        return core.json().readValue(bytes, Manifest.class);
    }

    /** One import's budget: what all its inputs may give once decompressed. */
    TextInput.Budget importBudget() {
        return new TextInput.Budget(limits.maxImportBytes(), Limits.MAX_IMPORT_SIZE);
    }

    /**
     * An artefact as text, named {@code source} in its issues; {@code nulIsText} for NUL-separated records
     * (modules.builtin.modinfo).
     */
    Reader text(String path, String source, TextInput.Budget budget, boolean nulIsText) {
        try {
            return TextInput.open(source, open(path), budget, nulIsText);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /** The name issues give an input, as the service gives an uploaded file's: its own name, never a path. */
    static String sourceName(String path, String stdinName) {
        return STDIN.equals(path) ? stdinName : Path.of(path).getFileName().toString();
    }

    private InputStream open(String path) throws IOException {
        return STDIN.equals(path) ? streams.in() : Files.newInputStream(Path.of(path));
    }

    private static String name(String path) {
        return STDIN.equals(path) ? "standard input" : path;
    }

    static InputException unreadable(String path, IOException e) {
        String why = e instanceof NoSuchFileException ? "no such file"
                : Files.isDirectory(Path.of(path)) ? "it is a directory"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new InputException("cannot read " + name(path) + ": " + why);
    }
}
