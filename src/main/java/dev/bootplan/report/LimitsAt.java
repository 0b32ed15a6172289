package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Device limits at the historical udev timeouts; null where unbounded.")
public record LimitsAt(
        @Schema(description = "At T = 30 s.", example = "19") Integer t30s,
        @Schema(description = "At T = 60 s.", example = "39") Integer t60s,
        @Schema(description = "At T = 180 s.", example = "119") Integer t180s) {}
