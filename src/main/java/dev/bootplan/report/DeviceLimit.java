package dev.bootplan.report;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "How many devices of a driver fit under the udev event timeout (probe-model.md §9).")
public record DeviceLimit(
        @Schema(description = "Driver.", example = "mpt3sas") String driver,
        @Schema(description = "Devices the plan has.", example = "300") int devices,
        @Schema(description = "Devices guaranteed to finish at the plan's own timeout; null when the timeout does not bound it.", example = "119") Integer limit,
        @Schema(description = "The same at the historical timeouts.") LimitsAt limits,
        @Schema(description = "limit − devices (negative: over the limit); null when unbounded.", example = "-181") Integer headroom,
        @Schema(description = "How the limit is computed.", example = "sync: floor((kill - deps - init) / p_max)") String rule) {}
