package dev.bootplan.trace;

import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ModuleNames;
import dev.bootplan.manifest.ModuleSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * Which module registers which driver, as the manifest says: what a report alone does not carry, and what a trace
 * needs to draw an arrow from a module's load to the async probes its init queued. Empty for a boot read from a log,
 * which never says which call queued a probe that ran outside every call.
 */
public record DriverModules(Map<String, String> moduleOfDriver) {

    private static final DriverModules NONE = new DriverModules(Map.of());

    public DriverModules {
        moduleOfDriver = Map.copyOf(moduleOfDriver);
    }

    public static DriverModules none() {
        return NONE;
    }

    /** Drivers of the manifest's modules, module names as reports spell them (with {@code _}). */
    public static DriverModules of(Manifest manifest) {
        Map<String, String> owners = new HashMap<>();
        for (ModuleSpec m : manifest.modules()) {
            if (m == null || m.name() == null) {
                continue;
            }
            for (String driver : m.drivers()) {
                if (driver != null) {
                    owners.putIfAbsent(driver, ModuleNames.canonical(m.name()));
                }
            }
        }
        return new DriverModules(owners);
    }

    String moduleOf(String driver) {
        return driver == null ? null : moduleOfDriver.get(driver);
    }
}
