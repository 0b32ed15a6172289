package dev.bootplan.ingest.modules;

import dev.bootplan.manifest.DeviceSpec;
import dev.bootplan.manifest.DriverSpec;
import dev.bootplan.manifest.InitcallSpec;
import dev.bootplan.manifest.ModuleSpec;
import java.util.List;

/**
 * The parts of a manifest the module metadata gives, before a log's times are merged in: built-in initcalls,
 * modules, drivers and devices, plus the early-boot time (only a log knows it; null otherwise).
 */
record Skeleton(List<InitcallSpec> initcalls, List<ModuleSpec> modules, List<DriverSpec> drivers,
        List<DeviceSpec> devices, String earlyBoot, Tally tally) {

    /**
     * What building it counted: built-in modules kept, their modinfo aliases, devices bound by built-in drivers,
     * and devices left out because no alias matched.
     */
    record Tally(int builtinModules, int builtinAliases, int devicesBuiltin, int devicesUnmatched) {}

    Skeleton {
        initcalls = List.copyOf(initcalls);
        modules = List.copyOf(modules);
        drivers = List.copyOf(drivers);
        devices = List.copyOf(devices);
    }

    /** Times in the manifest's duration form. */
    static String us(long us) {
        return us + "us";
    }
}
