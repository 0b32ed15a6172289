package dev.bootplan.ingest;

import java.util.Objects;

/**
 * One skipped or doubtful place in an imported artefact: where it is ({@code source:line:col}, both 1-based;
 * line 0 means the whole input), what kind it is and what the parser did about it. The source and message never
 * carry control characters or raw undecodable bytes ({@link Printable}): whatever a parser quotes is printable.
 */
public record ImportIssue(String source, int line, int column, IssueKind kind, String message) {

    public ImportIssue {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 1-based (0 for the whole input)");
        }
        source = Printable.of(source);
        message = Printable.of(message);
    }

    public String code() {
        return kind.code();
    }

    public IssueSeverity severity() {
        return kind.severity();
    }

    /** The compiler-style form every parser test asserts: {@code source:line:col: message}. */
    @Override
    public String toString() {
        return source + ":" + line + ":" + column + ": " + message;
    }
}
