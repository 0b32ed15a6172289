package dev.bootplan.engine.plan;

import java.util.List;
import java.util.Set;

/**
 * The normalised, validated plan the engine simulates: references resolved to indices,
 * durations in microseconds, counts expanded. Knobs stay raw (the command line, module
 * options) because what they mean depends on the kernel version, which is the engine's rule.
 *
 * @param earlyBootUs time before the plan's first initcall (start_kernel, and initcalls a truncated log lost)
 * @param initHandoverUs kernel_init's time between the final async_synchronize_full and /init's exec
 * @param eventTimeoutUs udevd's configured event timeout (--event-timeout / udev.conf), null for the default
 * @param childrenMax udevd's configured worker limit, null for the default
 * @param userspace how long userspace takes before each udev coldplug
 * @param udev whether systemd-udevd coldplugs the devices (false: a minimal /init that loads modules itself)
 * @param moduleLoads modules userspace loads by name, besides udev's
 */
public record Plan(
        String name,
        KernelVersion kernel,
        String cmdline,
        boolean modulesEnabled,
        boolean initramfsPresent,
        long initramfsUnpackUs,
        long earlyBootUs,
        long initHandoverUs,
        int systemdVersion,
        Long eventTimeoutUs,
        Integer childrenMax,
        int cpus,
        long memoryBytes,
        FirmwarePlan firmware,
        List<InitcallPlan> initcalls,
        List<ModulePlan> modules,
        List<DriverPlan> drivers,
        List<DevicePlan> devices,
        Set<String> expectsSyncProbe,
        String rootDevice,
        UserspaceTimes userspace,
        boolean udev,
        List<ModuleLoadPlan> moduleLoads) {

    public Plan {
        moduleLoads = moduleLoads == null ? List.of() : List.copyOf(moduleLoads);
        userspace = userspace == null ? UserspaceTimes.none() : userspace;
        cmdline = cmdline == null ? "" : cmdline;
        initcalls = List.copyOf(initcalls);
        modules = List.copyOf(modules);
        drivers = List.copyOf(drivers);
        devices = List.copyOf(devices);
        expectsSyncProbe = Set.copyOf(expectsSyncProbe);
        if (cpus < 1) {
            throw new IllegalArgumentException("a machine has at least one CPU");
        }
    }

    /** A plan whose modules udev alone loads. */
    public Plan(String name, KernelVersion kernel, String cmdline, boolean modulesEnabled, boolean initramfsPresent,
            long initramfsUnpackUs, long earlyBootUs, long initHandoverUs, int systemdVersion, Long eventTimeoutUs,
            Integer childrenMax, int cpus, long memoryBytes, FirmwarePlan firmware, List<InitcallPlan> initcalls,
            List<ModulePlan> modules, List<DriverPlan> drivers, List<DevicePlan> devices, Set<String> expectsSyncProbe,
            String rootDevice, UserspaceTimes userspace) {
        this(name, kernel, cmdline, modulesEnabled, initramfsPresent, initramfsUnpackUs, earlyBootUs, initHandoverUs,
                systemdVersion, eventTimeoutUs, childrenMax, cpus, memoryBytes, firmware, initcalls, modules, drivers, devices,
                expectsSyncProbe, rootDevice, userspace, true, List.of());
    }
}
