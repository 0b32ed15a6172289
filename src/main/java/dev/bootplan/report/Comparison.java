package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "One plan under all four modes, side by side.")
public record Comparison(
        @Schema(description = "The manifest's name.", example = "storage-server") String plan,
        @Schema(description = "Kernel version.", example = "6.12") String kernelVersion,
        @Schema(description = "One row per mode, in the order sync, async, forced-sync, debug-force-all.") List<ModeSummary> summary,
        @Schema(description = "The full report of each mode, in the same order.") List<Report> reports) {

    public Comparison {
        summary = List.copyOf(summary);
        reports = List.copyOf(reports);
    }
}
