package dev.bootplan.service;

import dev.bootplan.report.PredictionCheck;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A prediction held against a real log, with the log's issues. */
@Schema(description = "Predicted vs observed, with the issues the log's import raised.")
public record PredictionCheckResponse(
        @Schema(description = "The differences.") PredictionCheck check,
        @Schema(description = "The log's issues, in line order.") List<IssueView> issues,
        @Schema(description = "Issues beyond the first 1000, counted but not listed.", example = "0") long issuesDropped) {

    public static PredictionCheckResponse of(DmesgImportService.Checked c) {
        return new PredictionCheckResponse(c.check(), c.issues().stream().map(IssueView::of).toList(), c.issuesDropped());
    }
}
