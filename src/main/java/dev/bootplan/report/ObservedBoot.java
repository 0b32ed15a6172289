package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A real boot read from its log, in the report's vocabulary: milestones, calls, probes and timeline spans. */
@Schema(description = "The boot a log shows: milestones, every initcall and probe, and the timeline spans a chart draws.")
public record ObservedBoot(
        @Schema(description = "The log's name.", example = "rpi4.dmesg") String source,
        @Schema(description = "Kernel version printed in the log (or given with the request).", example = "6.18") String kernelVersion,
        @Schema(description = "Milestones the log shows.") ObservedMilestones milestones,
        @Schema(description = "Initcalls and module inits in the order of their calling lines.") List<ObservedCall> initcalls,
        @Schema(description = "Probe lines in log order.") List<ObservedProbe> devices,
        @Schema(description = "Spans on lanes (pid1, pid-N for other tasks, async-N for probes outside every call), ordered by start, then lane.")
        List<Span> timeline) {

    public ObservedBoot {
        initcalls = List.copyOf(initcalls);
        devices = List.copyOf(devices);
        timeline = List.copyOf(timeline);
    }
}
