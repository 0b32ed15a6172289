package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;

/** Where a prediction and a real boot disagree about one thing's end time. */
@Schema(description = "Observed vs predicted end time of one milestone, initcall, module init or device probe.")
public record Difference(
        @Schema(description = "milestone, initcall, module or device.", example = "initcall",
                allowableValues = {"milestone", "initcall", "module", "device"}) String kind,
        @Schema(description = "What: milestone name, \"fn\", \"fn#2\" for a repeated name, module or device name.",
                example = "deferred_probe_initcall") String subject,
        @Schema(description = "When the log shows it ended (µs); null if the log does not show it.", example = "3186271")
        Long observedUs,
        @Schema(description = "When the simulation ends it (µs); null if the prediction never gets there.", example = "3186271")
        Long predictedUs,
        @Schema(description = "predicted − observed (µs); null if either is missing.", example = "0") Long differenceUs,
        @Schema(description = "|difference| / observed, in percent; null if either is missing.", example = "0.0")
        Double relativePercent) {

    public static Difference of(String kind, String subject, Long observed, Long predicted) {
        Long diff = observed == null || predicted == null ? null : predicted - observed;
        Double rel = diff == null || observed == 0 ? null
                : Math.round(Math.abs(diff) * 1_000_000.0 / observed) / 10_000.0;
        return new Difference(kind, subject, observed, predicted, diff, rel);
    }
}
