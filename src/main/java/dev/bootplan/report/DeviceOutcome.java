package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "One device's fate.")
public record DeviceOutcome(
        @Schema(description = "dev_name().", example = "0000:01:00.0") String name,
        @Schema(description = "Its driver.", example = "mpt3sas") String driver,
        @Schema(description = "Final state.", example = "bound") DeviceState state,
        @Schema(description = "Whether its (last) probe ran on an async worker.", example = "false") boolean async,
        @Schema(description = "Start of its last probe attempt, null if never probed.", example = "4100000") Long probeStartUs,
        @Schema(description = "End of its last probe attempt, null if never probed.", example = "5600000") Long probeEndUs,
        @Schema(description = "Probe attempts, deferrals included.", example = "1") int attempts,
        @Schema(description = "Why it failed or is still deferred, null when bound.", example = "killed by udev (SIGKILL at 190000000)") String failure) {}
