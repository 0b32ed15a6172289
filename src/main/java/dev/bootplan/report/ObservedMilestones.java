package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;

/** When a real boot reached its milestones, as far as its log shows (µs; null when the log does not say). */
@Schema(description = "Milestones of a boot read from its log (µs); null where the log does not show one.")
public record ObservedMilestones(
        @Schema(description = "The first stamp in the log (above 0 when the start was lost).", example = "51384") Long firstStampUs,
        @Schema(description = "The last built-in initcall returned.", example = "3356960") Long initcallsDoneUs,
        @Schema(description = "\"Run … as init process\".", example = "3368593") Long initStartUs,
        @Schema(description = "The first root mount line (VFS: Mounted root, EXT4-fs … mounted filesystem).", example = "4019270")
        Long rootMountedUs,
        @Schema(description = "The last probe that bound a device ended.", example = "8257197") Long lastProbeUs,
        @Schema(description = "The last stamp in the log.", example = "16273102") Long lastStampUs) {}
