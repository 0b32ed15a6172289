package dev.bootplan.ingest.modules;

import static dev.bootplan.ingest.modules.ModulesIssueKind.BUILTIN_NOT_IN_LOG;
import static dev.bootplan.ingest.modules.ModulesIssueKind.LOG_DEVICE_UNKNOWN;
import static dev.bootplan.ingest.modules.ModulesIssueKind.LOG_MODULE_UNKNOWN;

import dev.bootplan.ingest.Issues;
import dev.bootplan.manifest.DeviceSpec;
import dev.bootplan.manifest.InitcallSpec;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ModuleSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts the times a dmesg import measured into the skeleton. Exactly this is merged:
 * <ul>
 * <li>a module's {@code init} (its init routine's own time) from the log's module of the same name;</li>
 * <li>a device's {@code probeTime} from the log's device of the same name;</li>
 * <li>the built-in initcalls: when the log holds any, its finished built-in initcalls (names, levels, own times,
 *     in log order) replace the skeleton's {@code <module>_init} ones, together with the log's early-boot time.
 *     A built-in driver of the skeleton is registered by the log initcall that probed one of its devices; one
 *     whose devices the log never probes keeps its {@code <module>_init} initcall, placed at the end of the
 *     device level.</li>
 * </ul>
 * Nothing else is taken: not the log's drivers (named after initcalls) or its device-to-driver links (the
 * metadata decides which module binds a device), not its probe types, load times, dependencies or command line.
 */
final class LogMerge {

    private static final List<String> LEVELS =
            List.of("pure", "core", "postcore", "arch", "subsys", "fs", "rootfs", "device", "late");

    /** The merged skeleton and how much of it came from the log. */
    record Merged(Skeleton skeleton, int moduleInits, int probeTimes, int initcalls) {}

    private LogMerge() {}

    static Merged merge(Skeleton s, Manifest log, Issues issues) {
        Map<String, String> inits = new LinkedHashMap<>();
        log.modules().forEach(m -> inits.putIfAbsent(ModuleNames.canonical(m.name()), m.init()));
        Set<String> planModules = s.modules().stream().map(ModuleSpec::name).collect(Collectors.toSet());
        List<ModuleSpec> modules = new ArrayList<>(s.modules().size());
        int moduleInits = 0;
        for (ModuleSpec m : s.modules()) {
            String init = inits.get(m.name());
            if (init != null) {
                moduleInits++;
            }
            modules.add(init == null ? m : new ModuleSpec(m.name(), init, m.size(), m.loadTime(), m.dependsOn(),
                    m.options(), m.inInitramfs(), m.drivers()));
        }
        List<String> unknownModules = inits.keySet().stream().filter(n -> !planModules.contains(n)).toList();
        if (!unknownModules.isEmpty()) {
            issues.add(0, 0, LOG_MODULE_UNKNOWN, "the log runs the init of " + unknownModules.size() + " module(s) that"
                    + " modules.dep does not list (" + SkeletonBuilder.names(unknownModules) + "); their times are not used");
        }

        Map<String, DeviceSpec> logDevices = new LinkedHashMap<>();
        log.devices().forEach(d -> logDevices.putIfAbsent(d.name(), d));
        List<DeviceSpec> devices = new ArrayList<>(s.devices().size());
        int probeTimes = 0;
        for (DeviceSpec d : s.devices()) {
            DeviceSpec seen = logDevices.get(d.name());
            if (seen != null && seen.probeTime() != null) {
                probeTimes++;
                d = new DeviceSpec(d.name(), d.driver(), seen.probeTime(), d.count(), d.parent(), d.suppliers(),
                        d.killable(), d.cpuPercent(), d.asyncWork(), d.deferCost());
            }
            devices.add(d);
        }
        Set<String> planDevices = s.devices().stream().map(DeviceSpec::name).collect(Collectors.toSet());
        List<String> unknownDevices = logDevices.keySet().stream().filter(n -> !planDevices.contains(n)).toList();
        if (!unknownDevices.isEmpty()) {
            issues.add(0, 0, LOG_DEVICE_UNKNOWN, "the log probes " + unknownDevices.size() + " device(s) the plan does"
                    + " not hold (" + SkeletonBuilder.names(unknownDevices) + "); their probe times are not used");
        }

        if (log.initcalls().isEmpty()) {
            return new Merged(new Skeleton(s.initcalls(), modules, s.drivers(), devices, s.earlyBoot(), s.tally()),
                    moduleInits, probeTimes, 0);
        }
        List<InitcallSpec> initcalls = initcalls(s, log, issues);
        String earlyBoot = log.kernel() == null ? null : log.kernel().earlyBoot();
        return new Merged(new Skeleton(initcalls, modules, s.drivers(), devices, earlyBoot, s.tally()),
                moduleInits, probeTimes, log.initcalls().size());
    }

    /** The log's built-in initcalls, each registering the skeleton's built-in drivers whose devices it probed. */
    private static List<InitcallSpec> initcalls(Skeleton s, Manifest log, Issues issues) {
        Map<String, Integer> callOfLogDriver = new HashMap<>();
        for (int c = 0; c < log.initcalls().size(); c++) {
            for (String d : log.initcalls().get(c).drivers()) {
                callOfLogDriver.put(d, c);
            }
        }
        Map<String, String> logDriverOfDevice = new HashMap<>();
        log.devices().forEach(d -> logDriverOfDevice.putIfAbsent(d.name(), d.driver()));

        List<List<String>> registers = new ArrayList<>();
        log.initcalls().forEach(c -> registers.add(new ArrayList<>()));
        List<InitcallSpec> unplaced = new ArrayList<>();
        for (InitcallSpec own : s.initcalls()) {
            for (String driver : own.drivers()) {
                Integer call = s.devices().stream()
                        .filter(d -> d.driver().equals(driver))
                        .map(d -> callOfLogDriver.get(logDriverOfDevice.get(d.name())))
                        .filter(Objects::nonNull)
                        .findFirst().orElse(null);
                if (call != null) {
                    registers.get(call).add(driver);
                } else {
                    issues.add(0, 0, BUILTIN_NOT_IN_LOG, driver + " is built in and has devices in the plan, but the log"
                            + " probes none of them in a built-in initcall; its initcall " + own.name()
                            + " is placed at the end of the device level");
                    unplaced.add(new InitcallSpec(own.name(), own.level(), own.duration(), List.of(driver)));
                }
            }
        }
        List<InitcallSpec> out = new ArrayList<>(log.initcalls().size() + unplaced.size());
        int endOfDevice = log.initcalls().size();
        for (int c = 0; c < log.initcalls().size(); c++) {
            InitcallSpec call = log.initcalls().get(c);
            if (endOfDevice == log.initcalls().size() && LEVELS.indexOf(call.level()) > LEVELS.indexOf("device")) {
                endOfDevice = c;
            }
            out.add(new InitcallSpec(call.name(), call.level(), call.duration(), registers.get(c)));
        }
        out.addAll(endOfDevice, unplaced);
        return out;
    }
}
