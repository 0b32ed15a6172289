package dev.bootplan.manifest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What a client sends: one machine's kernel, drivers, modules, devices and udev settings.
 * Durations are systemd time spans ("250ms", "1.5s", "2min"); sizes carry a unit ("512KiB").
 * Enumerations travel as strings so that an unknown value is reported with the allowed ones
 * instead of failing the whole document.
 */
@Schema(description = "A machine's boot plan: kernel, built-in initcalls, modules, drivers, devices and udev settings.")
public record Manifest(
        @Schema(description = "A label for the plan, echoed in the report.", example = "storage-server")
        String name,
        @Schema(description = "The kernel: version, command line, modules, initramfs.", requiredMode = Schema.RequiredMode.REQUIRED)
        KernelSpec kernel,
        @Schema(description = "systemd-udevd: version and optional explicit settings.")
        SystemdSpec systemd,
        @Schema(description = "The machine's size, which sets udev's worker limit and the CPUs probes compete for.")
        MachineSpec machine,
        @Schema(description = "Where firmware files are available, and the sysfs fallback.")
        FirmwareSpec firmware,
        @Schema(description = "Built-in initcalls in link order.")
        List<InitcallSpec> initcalls,
        @Schema(description = "Loadable modules, as in modules.dep.")
        List<ModuleSpec> modules,
        @Schema(description = "Drivers, each registered by one initcall or one module.")
        List<DriverSpec> drivers,
        @Schema(description = "Devices, in bus order, each handled by one driver.")
        List<DeviceSpec> devices,
        @Schema(description = "What userspace expects of the boot.")
        UserspaceSpec userspace) {

    public Manifest {
        initcalls = initcalls == null ? List.of() : initcalls;
        modules = modules == null ? List.of() : modules;
        drivers = drivers == null ? List.of() : drivers;
        devices = devices == null ? List.of() : devices;
    }
}
