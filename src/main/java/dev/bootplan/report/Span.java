package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Something that ran on a lane from startUs to endUs.")
public record Span(
        @Schema(description = "pid1, async-N, udev-worker-N, workqueue-N, a userspace loader, or deferred.",
                example = "udev-worker-0") String lane,
        @Schema(description = "What ran.", example = "syncProbe") SpanKind kind,
        @Schema(description = "Initcall, module or device name.", example = "0000:01:00.0") String subject,
        @Schema(description = "Start (µs).", example = "100000") long startUs,
        @Schema(description = "End (µs).", example = "10100000") long endUs,
        @Schema(description = "How much of the span was lost waiting for a CPU that other work was using (µs): its own "
                + "time is endUs − startUs − contendedUs. 0 when nothing competed.", example = "0") long contendedUs) {

    public Span {
        if (endUs < startUs) {
            throw new IllegalArgumentException("span " + subject + " ends before it starts");
        }
        if (contendedUs < 0 || contendedUs > endUs - startUs) {
            throw new IllegalArgumentException("span " + subject + " has contention outside its length");
        }
    }

    /** A span that competed with nothing. */
    public Span(String lane, SpanKind kind, String subject, long startUs, long endUs) {
        this(lane, kind, subject, startUs, endUs, 0);
    }
}
