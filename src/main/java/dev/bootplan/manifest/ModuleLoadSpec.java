package dev.bootplan.manifest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "Modules one userspace component loads by name, in order. Each load runs the module's modules.dep "
        + "chain first (what is loaded already is skipped; what another process is loading is waited for), with every "
        + "finit_module() rule a udev load has except udev's event timeout.")
public record ModuleLoadSpec(
        @Schema(description = "Who loads them; the timeline names the lane after it.", example = "systemd-modules-load",
                requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"initramfs-script", "systemd-modules-load", "modprobe@", "systemd", "other"})
        String by,
        @Schema(description = "When the list starts: `initrd` counts from /init's exec, `rootfs` from the real root mounted "
                + "(from /init without an initramfs). Default: initrd for an initramfs script, rootfs for the others.",
                example = "rootfs", allowableValues = {"initrd", "rootfs"})
        String phase,
        @Schema(description = "How long after the phase starts the first load begins.", example = "850ms", defaultValue = "0")
        String after,
        @Schema(description = "`serial`: one process, one module chain after another (a script, systemd-modules-load); "
                + "`parallel`: each module's chain in a process of its own, all at once (modprobe@ units). Default: "
                + "parallel for modprobe@, serial otherwise.", example = "serial", allowableValues = {"serial", "parallel"})
        String concurrency,
        @Schema(description = "Userspace's own CPU time before each finit_module() (the shell, fork and exec).",
                example = "80us", defaultValue = "0")
        String interval,
        @Schema(description = "The modules, in order.", requiredMode = Schema.RequiredMode.REQUIRED)
        List<Entry> modules) {

    public ModuleLoadSpec {
        modules = modules == null ? List.of() : modules;
    }

    @Schema(description = "One module loaded by name.")
    public record Entry(
            @Schema(description = "Module name ('-' and '_' are the same).", example = "ipv6",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String name,
            @Schema(description = "Options given to this load (insmod/modprobe arguments), added to the module's own "
                    + "options, e.g. async_probe.", example = "async_probe")
            String options) {}
}
