package dev.bootplan.service;

import dev.bootplan.ingest.ImportIssue;
import io.swagger.v3.oas.annotations.media.Schema;

/** One parser issue on the wire: where, what kind, how much it matters, and the compiler-style line. */
@Schema(name = "ImportIssue", description = "Something an importer skipped or doubted, with its place in the input.")
public record IssueView(
        @Schema(description = "The input's name (file name or form part).", example = "dmesg") String source,
        @Schema(description = "1-based line (0 = the whole input).", example = "1604") int line,
        @Schema(description = "1-based column (0 = the whole line).", example = "16") int column,
        @Schema(description = "Stable issue code.", example = "unmatched-return") String code,
        @Schema(description = "info, warning or error.", example = "warning", allowableValues = {"info", "warning", "error"})
        String severity,
        @Schema(description = "What was found and what the importer did about it.",
                example = "initcall foo returned without a calling line; skipped") String message,
        @Schema(description = "source:line:col: message, as a compiler prints it.",
                example = "dmesg:1604:16: initcall foo returned without a calling line; skipped") String text) {

    public static IssueView of(ImportIssue i) {
        return new IssueView(i.source(), i.line(), i.column(), i.code(), i.severity().name(), i.message(), i.toString());
    }
}
