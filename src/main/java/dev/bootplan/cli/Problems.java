package dev.bootplan.cli;

import dev.bootplan.engine.WorkBudgetExceededException;
import dev.bootplan.ingest.ImportFailedException;
import dev.bootplan.ingest.ImportIssue;
import dev.bootplan.json.JsonReadError;
import dev.bootplan.json.JsonReadErrors;
import dev.bootplan.manifest.ManifestInvalidException;
import dev.bootplan.manifest.Violation;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import tools.jackson.core.JacksonException;

/**
 * Says on standard error why a command could not answer, with the messages the service's 400 and 422 problems carry
 * (every offending field with its JSON pointer, every import issue as {@code source:line:col: message}), and picks
 * the exit code. Never a stack trace for bad input; a bug gets one line and {@link BootPlanCli#BUG}.
 */
final class Problems implements CommandLine.IExecutionExceptionHandler {

    private final Streams streams;

    Problems(Streams streams) {
        this.streams = streams;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, CommandLine.ParseResult parsed) {
        PrintStream err = streams.err();
        String who = command.getCommandSpec().qualifiedName() + ": ";
        switch (ex) {
            case ManifestInvalidException e -> {
                err.println(who + e.violations().size() + (e.violations().size() == 1 ? " problem" : " problems")
                        + " in the manifest; it cannot be simulated (invalid-manifest):");
                for (Violation v : e.violations()) {
                    err.println("  " + v.pointer() + ": " + v.message());
                }
            }
            case JacksonException e -> {
                JsonReadError error = JsonReadErrors.describe(e);
                err.println(who + "the manifest cannot be read (" + slug(error.kind()) + "): " + error.detail());
                err.println("  " + error.pointer() + ": " + error.message());
            }
            case ImportFailedException e -> {
                err.println(who + e.getMessage() + " (import-failed):");
                for (ImportIssue issue : e.issues()) {
                    err.println("  " + issue);
                }
            }
            case WorkBudgetExceededException e -> err.println(who + e.getMessage() + " (work-budget-exceeded)");
            case InputException e -> err.println(who + e.getMessage());
            case UncheckedIOException e -> err.println(who + "cannot read an input: " + e.getCause().getMessage());
            default -> {
                err.println(who + "unexpected error, please report it: " + ex);
                return BootPlanCli.BUG;
            }
        }
        return BootPlanCli.INVALID_INPUT;
    }

    /** The service's problem type for each way a JSON document fails. */
    private static String slug(JsonReadError.Kind kind) {
        return switch (kind) {
            case MALFORMED -> "malformed-json";
            case LIMIT_EXCEEDED -> "json-limit-exceeded";
            case SCHEMA_MISMATCH -> "json-schema-mismatch";
        };
    }
}
