package dev.bootplan.manifest;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The machine's size.")
public record MachineSpec(
        @Schema(description = "Online CPUs.", example = "4", defaultValue = "1")
        Integer cpus,
        @Schema(description = "Memory, with a unit (K, M, G, T, or KiB, MiB, GiB, TiB; powers of 1024).",
                example = "16GiB", defaultValue = "1GiB")
        String memory) {}
