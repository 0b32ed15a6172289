package dev.bootplan.manifest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "A built-in initcall, run in PID 1 at its level, in link order.")
public record InitcallSpec(
        @Schema(description = "The function name as initcall_debug prints it.", example = "ahci_pci_driver_init",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String name,
        @Schema(description = "Initcall level.", example = "device",
                allowableValues = {"pure", "core", "postcore", "arch", "subsys", "fs", "rootfs", "device", "late"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        String level,
        @Schema(description = "Its own time, without the synchronous probes of the drivers it registers.",
                example = "1ms", defaultValue = "0")
        String duration,
        @Schema(description = "Drivers this initcall registers (driver_register), in order.", example = "[\"ahci\"]")
        List<String> drivers) {

    public InitcallSpec {
        drivers = drivers == null ? List.of() : drivers;
    }
}
