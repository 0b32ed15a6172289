package dev.bootplan.manifest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "A loadable module (.ko), loaded by udev's kmod builtin when one of its devices' events runs.")
public record ModuleSpec(
        @Schema(description = "Module name as in modules.dep ('-' and '_' are the same).", example = "mpt3sas",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String name,
        @Schema(description = "Its init routine's own time, without probes.", example = "40ms", defaultValue = "0")
        String init,
        @Schema(description = "Size of the .ko; the load overhead is 4.8 ms + 0.16 ms per KiB unless loadTime is given.",
                example = "520KiB")
        String size,
        @Schema(description = "Explicit load overhead (read, signature check, relocation); wins over size.", example = "90ms")
        String loadTime,
        @Schema(description = "Share of the load overhead spent on the loading task's CPU, in percent: load_module() "
                + "decompresses, verifies and relocates in the caller of finit_module(), so 100 unless the .ko is read "
                + "from a slow disk.", example = "100", defaultValue = "100", minimum = "0", maximum = "100")
        Integer loadCpuPercent,
        @Schema(description = "Whether loadCpuPercent is an estimate rather than known (the report then bounds it by "
                + "taking it as 0 and as 100).", example = "false", defaultValue = "false")
        Boolean loadCpuPercentEstimated,
        @Schema(description = "modules.dep dependencies, loaded first.", example = "[\"scsi_transport_sas\"]")
        List<String> dependsOn,
        @Schema(description = "Module options as in modprobe.d ('options <module> …'), e.g. async_probe.",
                example = "async_probe")
        String options,
        @Schema(description = "Whether the module is inside the initramfs (loaded there) or only on the root filesystem.",
                example = "true", defaultValue = "false")
        Boolean inInitramfs,
        @Schema(description = "Drivers this module's init registers, in order.", example = "[\"mpt3sas\"]")
        List<String> drivers) {

    public ModuleSpec {
        dependsOn = dependsOn == null ? List.of() : dependsOn;
        drivers = drivers == null ? List.of() : drivers;
    }

    /** A module whose load is CPU work, as loads from memory are. */
    public ModuleSpec(String name, String init, String size, String loadTime, List<String> dependsOn, String options,
            Boolean inInitramfs, List<String> drivers) {
        this(name, init, size, loadTime, null, null, dependsOn, options, inInitramfs, drivers);
    }
}
