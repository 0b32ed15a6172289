package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A probing mode: a policy applied to the plan (probe-model.md §10).")
public record ModeInfo(
        @Schema(description = "Name to pass as ?mode=.", example = "async") String name,
        @Schema(description = "What the kernel is told.", example = "the opt-in configuration exactly as the manifest writes it") String tells,
        @Schema(description = "The effective rule the engine applies.", example = "driver_allows_async_probing() over the manifest's probe types and knobs") String rule) {}
