package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "How far the prediction could move because the plan does not know how much of some probe or "
        + "work time is CPU and how much waiting. The prediction takes every unknown share as waiting (0 % CPU); the "
        + "bounds take them all as waiting and all as CPU.")
public record Uncertainty(
        @Schema(description = "How many CPU shares the plan leaves unknown.", example = "12") int unknownShares,
        @Schema(description = "The unknown inputs that would narrow the bounds most, longest own time first (at most 10): "
                + "state their cpuPercent / asyncWorkCpuPercent, or calibrate them from a second boot.",
                example = "[\"0000:00:1f.2: asyncWorkCpuPercent (333.6 ms of work)\"]") List<String> narrowedBy,
        @Schema(description = "Each milestone: the prediction and its bounds.") List<MilestoneBounds> milestones) {

    public Uncertainty {
        narrowedBy = List.copyOf(narrowedBy);
        milestones = List.copyOf(milestones);
    }

    @Schema(description = "One milestone's prediction and the bounds it has while the unknown shares are unknown (µs).")
    public record MilestoneBounds(
            @Schema(description = "The milestone, as named in milestones.", example = "allDevicesSettledUs") String milestone,
            @Schema(description = "The prediction.", example = "3650000") Long predictedUs,
            @Schema(description = "The earliest it could be.", example = "3600000") Long lowUs,
            @Schema(description = "The latest it could be.", example = "3900000") Long highUs) {}
}
