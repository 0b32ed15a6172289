package dev.bootplan.ingest;

/**
 * One kind of thing a parser skipped or doubted. Each format's parser has its own enum of kinds, so a new
 * format adds one enum and touches nothing else; the code is what a pipeline matches on.
 */
public interface IssueKind {

    /** Stable, kebab-case code, e.g. {@code unmatched-return}. */
    String code();

    IssueSeverity severity();
}
