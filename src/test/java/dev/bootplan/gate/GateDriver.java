package dev.bootplan.gate;

import dev.bootplan.cli.BootPlanCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the command line's {@code gate} as a pipeline would ({@code bootplan gate INPUT --rules RULES [--mode M]
 * [--baseline FILE]… [--format text|junit|sarif|github] [-o FILE]}), in this process, and keeps what it printed. With
 * {@code --format github} the Markdown summary the command appends to {@code $GITHUB_STEP_SUMMARY} is kept too.
 */
final class GateDriver {

    /** What a run printed and returned. */
    record Run(int exitCode, String stdout, String stderr, String stepSummary) {}

    static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("gate"));
        all.addAll(List.of(args));
        Path summary = null;
        try {
            if (all.contains("github")) {
                summary = Files.createTempFile("step-summary", ".md");
                all.addAll(List.of("--step-summary", summary.toString()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = BootPlanCli.run(all.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String stepSummary = summary == null || Files.size(summary) == 0 ? null : Files.readString(summary);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), stepSummary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (summary != null) {
                try {
                    Files.deleteIfExists(summary);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }
}
