package dev.bootplan.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a parser's issues in input order. Only the first {@code limit} are kept so that a hostile or
 * garbage input cannot grow the list without bound; the rest are counted. Errors are kept past the limit (up to
 * {@value #ERRORS_PAST_LIMIT} more): an import fails on its errors, and a thousand warnings before one must not
 * hide it.
 */
public final class Issues {

    public static final int ERRORS_PAST_LIMIT = 100;

    private final String source;
    private final int limit;
    private final List<ImportIssue> kept = new ArrayList<>();
    private long dropped;
    private int errorsPastLimit;

    public Issues(String source, int limit) {
        this.source = source;
        this.limit = limit;
    }

    public String source() {
        return source;
    }

    public void add(int line, int column, IssueKind kind, String message) {
        if (kept.size() < limit || (kind.severity() == IssueSeverity.error && errorsPastLimit++ < ERRORS_PAST_LIMIT)) {
            kept.add(new ImportIssue(source, line, column, kind, message));
        } else {
            dropped++;
        }
    }

    public boolean hasErrors() {
        return kept.stream().anyMatch(i -> i.severity() == IssueSeverity.error);
    }

    public List<ImportIssue> list() {
        return List.copyOf(kept);
    }

    /** Issues beyond the limit, counted but not kept. */
    public long dropped() {
        return dropped;
    }
}
