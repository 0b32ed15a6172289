package dev.bootplan.ingest;

import java.util.List;

/** An artefact that cannot be used at all; carries every issue found, errors and the rest, in input order. */
public final class ImportFailedException extends RuntimeException {

    private final transient List<ImportIssue> issues;

    public ImportFailedException(String message, List<ImportIssue> issues) {
        super(Printable.of(message)); // it names the source: a client's file name
        this.issues = List.copyOf(issues);
    }

    public List<ImportIssue> issues() {
        return issues;
    }
}
