package dev.bootplan.engine;

import dev.bootplan.report.Span;
import dev.bootplan.report.SpanKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Spans as the simulation records them, sorted once at the end: by start, outer spans first, then lane. A run that
 * only bounds a prediction's milestones (all waiting, all CPU) keeps no spans: nobody reads them.
 */
final class Timeline {

    private final List<Span> spans = new ArrayList<>();
    private final long limit;
    private final LongSupplier now;
    private final boolean recording;

    Timeline(long limit, LongSupplier now, boolean recording) {
        this.limit = limit;
        this.now = now;
        this.recording = recording;
    }

    private void add(Span s) {
        if (!recording) {
            return;
        }
        if (spans.size() >= limit) {
            throw WorkBudgetExceededException.reportTooLarge(limit, now.getAsLong());
        }
        spans.add(s);
    }

    void add(String lane, SpanKind kind, String subject, long startUs, long endUs) {
        add(new Span(lane, kind, subject, startUs, endUs, 0));
    }

    /** A span that lost {@code contendedUs} of its length waiting for a CPU others were using. */
    void add(String lane, SpanKind kind, String subject, long startUs, long endUs, long contendedUs) {
        add(new Span(lane, kind, subject, startUs, endUs, contendedUs));
    }

    List<Span> sorted() {
        List<Span> out = new ArrayList<>(spans);
        // Stable sort: spans recorded at the same instant keep the order they were recorded in.
        out.sort(Comparator.comparingLong(Span::startUs)
                .thenComparing(Comparator.comparingLong(Span::endUs).reversed())
                .thenComparing(Span::lane));
        return out;
    }
}
