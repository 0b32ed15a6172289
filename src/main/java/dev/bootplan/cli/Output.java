package dev.bootplan.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Option;

/**
 * Where a command writes its answer ({@code -o FILE}, or standard output). A file is written beside itself and moved
 * into place once the answer is whole, so a command that fails leaves no half-written file behind.
 */
final class Output {

    /** Writes an answer's bytes. */
    @FunctionalInterface
    interface Writing<S> {
        void write(S subject, OutputStream out) throws IOException;

        /** A text answer (SVG, HTML, a log), in UTF-8 as the service sends it. */
        static <S> Writing<S> text(TextWriting<S> text) {
            return (subject, out) -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65_536);
                text.write(subject, w);
                w.flush();
            };
        }
    }

    @FunctionalInterface
    interface TextWriting<S> {
        void write(S subject, Writer out) throws IOException;
    }

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-",
            description = "Where to write the answer (default: standard output).")
    String file;

    <S> void write(S subject, Writing<S> writing, Streams streams) {
        if (Inputs.STDIN.equals(file)) {
            try {
                OutputStream out = new BufferedOutputStream(streams.out(), 65_536);
                writing.write(subject, out);
                out.flush();
            } catch (IOException e) {
                throw new InputException("cannot write to standard output: " + e.getMessage());
            }
            return;
        }
        Path target = Path.of(file).toAbsolutePath();
        Path partial = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 65_536)) {
                writing.write(subject, out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw unwritable(e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // Best effort: the temporary file is hidden and named after the answer.
            }
        }
    }

    private InputException unwritable(IOException e) {
        String why = e instanceof NoSuchFileException ? "no such directory"
                : e instanceof AccessDeniedException ? "permission denied"
                : e.getMessage();
        return new InputException("cannot write " + file + ": " + why);
    }
}
