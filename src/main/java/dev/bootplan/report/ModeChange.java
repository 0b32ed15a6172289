package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A driver whose probing the mode changed from what the manifest says.")
public record ModeChange(
        @Schema(description = "Driver.", example = "iwlwifi") String driver,
        @Schema(description = "What the manifest says.", example = "prefer-async") String declared,
        @Schema(description = "What the mode made of it.", example = "force-sync") String effective,
        @Schema(description = "Why.", example = "its firmware is only on the root filesystem") String reason) {}
