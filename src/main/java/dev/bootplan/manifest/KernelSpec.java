package dev.bootplan.manifest;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The kernel as it boots.")
public record KernelSpec(
        @Schema(description = "Kernel version, major.minor (a patch level is accepted and ignored).",
                example = "6.12", requiredMode = Schema.RequiredMode.REQUIRED)
        String version,
        @Schema(description = "The real kernel command line. The engine reads driver_async_probe=, module.async_probe=, "
                + "<module>.async_probe, deferred_probe_timeout=, udev.event_timeout=, rd.udev.event_timeout=, "
                + "udev.children_max=, rootdelay=, rootwait and fw_devlink= from it.",
                example = "root=/dev/sda2 ro quiet module.async_probe=1")
        String cmdline,
        @Schema(description = "Whether the kernel supports loadable modules (CONFIG_MODULES); sets the default deferred-probe timeout.",
                example = "true", defaultValue = "true")
        Boolean modulesEnabled,
        @Schema(description = "The initramfs, if the boot has one.")
        InitramfsSpec initramfs,
        @Schema(description = "Time from the kernel's first stamp to the plan's first initcall: start_kernel, and the "
                + "initcalls a log import could not see (a truncated log). PID 1 spends it before the first initcall.",
                example = "51384us", defaultValue = "0")
        String earlyBoot,
        @Schema(description = "Time from the last initcall (and the final async_synchronize_full) to /init's exec: "
                + "kernel_init freeing init memory and marking rodata read-only, and the console output around it.",
                example = "11633us", defaultValue = "0")
        String initHandover) {}
