package dev.bootplan.ingest.modules;

import static dev.bootplan.ingest.modules.ModulesIssueKind.BUILTIN_NOT_IN_LOG;
import static dev.bootplan.ingest.modules.ModulesIssueKind.DRIVER_NAMED_BY_LOG;
import static dev.bootplan.ingest.modules.ModulesIssueKind.LOG_DEVICE_UNKNOWN;
import static dev.bootplan.ingest.modules.ModulesIssueKind.LOG_MODULE_UNKNOWN;

import dev.bootplan.ingest.Issues;
import dev.bootplan.ingest.dmesg.PlanFromLog;
import dev.bootplan.manifest.DeviceSpec;
import dev.bootplan.manifest.DriverSpec;
import dev.bootplan.manifest.InitcallSpec;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ModuleSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts the times a dmesg import measured into the skeleton. Exactly this is merged:
 * <ul>
 * <li>a module's {@code init} (its init routine's own time), and whether it sits in the initramfs, from the log's
 *     module of the same name; its {@code loadTime} too when the log measured one (a load in a coldplug);</li>
 * <li>a device's {@code probeTime} from the log's device of the same name;</li>
 * <li>the built-in initcalls: when the log holds any, its finished built-in initcalls (names, levels, own times,
 *     in log order) replace the skeleton's {@code <module>_init} ones, together with the log's early-boot time.
 *     A built-in driver of the skeleton is registered by the log initcall that probed one of its devices; one
 *     whose devices the log never probes keeps its {@code <module>_init} initcall, placed at the end of the
 *     device level.</li>
 * </ul>
 * The log's kernel-wide times (its initramfs, the hand-over to /init, userspace's time before each coldplug) are
 * taken by {@link ModuleMetadataImport}, and the drivers the log's driver core names ({@link #withLogDriverNames}) rename
 * the skeleton's. Nothing else: not the log's other drivers (named after initcalls) or its
 * device-to-driver links (the metadata decides which module binds a device), not its probe types, the dependencies
 * it saw one worker load (modules.dep says what they are) or its command line.
 */
final class LogMerge {

    private static final List<String> LEVELS =
            List.of("pure", "core", "postcore", "arch", "subsys", "fs", "rootfs", "device", "late");

    /** The merged skeleton and how much of it came from the log. */
    record Merged(Skeleton skeleton, int moduleInits, int probeTimes, int initcalls) {}

    private LogMerge() {}

    /**
     * The skeleton names a module's driver after the module (modules.alias says which module, not which driver). Where
     * the log's driver core named the driver of a device the skeleton holds (drivers/base/dd.c really_probe()), and all
     * such devices of one skeleton driver agree, the plan takes the kernel's name, with the log's probe type: a
     * {@code driver_async_probe=sd} what-if then matches what the kernel would.
     */
    static Skeleton withLogDriverNames(Skeleton s, PlanFromLog.Result log, Issues issues) {
        if (log.namedByLog().isEmpty()) {
            return s;
        }
        Map<String, String> logDriverOfDevice = new HashMap<>();
        log.manifest().devices().forEach(d -> logDriverOfDevice.putIfAbsent(d.name(), d.driver()));
        Map<String, Set<String>> votes = new LinkedHashMap<>();
        for (DeviceSpec d : s.devices()) {
            String named = logDriverOfDevice.get(d.name());
            if (named != null && log.namedByLog().contains(named) && !named.equals(d.driver())) {
                votes.computeIfAbsent(d.driver(), k -> new HashSet<>()).add(named);
            }
        }
        Set<String> taken = s.drivers().stream().map(DriverSpec::name).collect(Collectors.toSet());
        Map<String, String> rename = new LinkedHashMap<>();
        votes.forEach((old, names) -> {
            String name = names.iterator().next();
            if (names.size() == 1 && !taken.contains(name) && !rename.containsValue(name)) {
                rename.put(old, name);
                issues.add(0, 0, DRIVER_NAMED_BY_LOG, "the log's driver core names the driver of " + old + "'s devices "
                        + name + ": the plan's driver " + old + " (named after its module) takes that name");
            }
        });
        if (rename.isEmpty()) {
            return s;
        }
        Map<String, DriverSpec> logDrivers = new HashMap<>();
        log.manifest().drivers().forEach(d -> logDrivers.putIfAbsent(d.name(), d));
        java.util.function.UnaryOperator<String> to = n -> rename.getOrDefault(n, n);
        List<DriverSpec> drivers = s.drivers().stream().map(d -> !rename.containsKey(d.name()) ? d
                : new DriverSpec(to.apply(d.name()), logDrivers.get(to.apply(d.name())).probeType(), d.asyncUnsafe(), d.firmware(),
                        d.giveUpOnDeferTimeout(), d.probeLock())).toList();
        List<InitcallSpec> initcalls = s.initcalls().stream().map(c -> new InitcallSpec(c.name(), c.level(), c.duration(),
                c.drivers().stream().map(to).toList())).toList();
        List<ModuleSpec> modules = s.modules().stream().map(m -> new ModuleSpec(m.name(), m.init(), m.size(), m.loadTime(),
                m.loadCpuPercent(), m.loadCpuPercentEstimated(), m.dependsOn(), m.options(), m.inInitramfs(),
                m.drivers().stream().map(to).toList())).toList();
        List<DeviceSpec> devices = s.devices().stream().map(d -> !rename.containsKey(d.driver()) ? d
                : new DeviceSpec(d.name(), to.apply(d.driver()), d.probeTime(), d.count(), d.parent(), d.suppliers(), d.killable(),
                        d.cpuPercent(), d.cpuPercentEstimated(), d.asyncWork(), d.asyncWorkCpuPercent(),
                        d.asyncWorkCpuPercentEstimated(), d.asyncWorkQueue(), d.discoveredAfter(), d.deferCost())).toList();
        return new Skeleton(initcalls, modules, drivers, devices, s.earlyBoot(), s.tally());
    }

    static Merged merge(Skeleton s, Manifest log, Issues issues) {
        Map<String, ModuleSpec> logModules = new LinkedHashMap<>();
        log.modules().forEach(m -> logModules.putIfAbsent(ModuleNames.canonical(m.name()), m));
        Map<String, String> inits = new LinkedHashMap<>();
        logModules.forEach((name, m) -> inits.put(name, m.init()));
        Set<String> planModules = s.modules().stream().map(ModuleSpec::name).collect(Collectors.toSet());
        Set<String> planDevices = s.devices().stream().map(DeviceSpec::name).collect(Collectors.toSet());
        Held held = Held.of(log, planDevices);
        List<ModuleSpec> modules = new ArrayList<>(s.modules().size());
        int moduleInits = 0;
        for (ModuleSpec m : s.modules()) {
            String init = inits.get(m.name());
            if (init != null && held.inModule().containsKey(m.name())) {
                init = plus(init, held.inModule().get(m.name()));
            }
            if (init != null) {
                moduleInits++;
            }
            ModuleSpec seen = logModules.get(m.name());
            boolean measuredLoad = seen != null && seen.loadTime() != null && !seen.loadTime().equals("0us");
            modules.add(seen == null ? m : new ModuleSpec(m.name(), init, m.size(), measuredLoad ? seen.loadTime() : m.loadTime(),
                    measuredLoad ? seen.loadCpuPercent() : m.loadCpuPercent(),
                    measuredLoad ? seen.loadCpuPercentEstimated() : m.loadCpuPercentEstimated(), m.dependsOn(), m.options(), seen.inInitramfs(),
                    m.drivers()));
        }
        modules = withInitramfsDependencies(modules);
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
        List<String> unknownDevices = logDevices.keySet().stream().filter(n -> !planDevices.contains(n)).toList();
        if (!unknownDevices.isEmpty()) {
            long kept = held.inModule().entrySet().stream().filter(e -> planModules.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum() + (log.initcalls().isEmpty() ? 0 : held.inInitcalls());
            issues.add(0, 0, LOG_DEVICE_UNKNOWN, "the log probes " + unknownDevices.size() + " device(s) the plan does"
                    + " not hold (" + SkeletonBuilder.names(unknownDevices) + "); " + kept + " µs of their probe time stay"
                    + " in the own time of the calls that ran them, the rest is not used");
        }

        if (log.initcalls().isEmpty()) {
            return new Merged(new Skeleton(s.initcalls(), modules, s.drivers(), devices, s.earlyBoot(), s.tally()),
                    moduleInits, probeTimes, 0);
        }
        List<InitcallSpec> initcalls = initcalls(s, log, held, issues);
        String earlyBoot = log.kernel() == null ? null : log.kernel().earlyBoot();
        return new Merged(new Skeleton(initcalls, modules, s.drivers(), devices, earlyBoot, s.tally()),
                moduleInits, probeTimes, log.initcalls().size());
    }

    /**
     * A module the initrd loaded sits in the initramfs with its modules.dep dependencies: dracut and
     * initramfs-tools copy a module's dependencies with it, and the log only shows the ones that were loaded.
     */
    private static List<ModuleSpec> withInitramfsDependencies(List<ModuleSpec> modules) {
        Map<String, ModuleSpec> byName = new LinkedHashMap<>();
        modules.forEach(m -> byName.put(m.name(), m));
        Set<String> inInitramfs = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>();
        modules.stream().filter(m -> Boolean.TRUE.equals(m.inInitramfs())).forEach(m -> todo.add(m.name()));
        while (!todo.isEmpty()) {
            String name = todo.poll();
            ModuleSpec m = byName.get(name);
            if (m != null && inInitramfs.add(name)) {
                todo.addAll(m.dependsOn());
            }
        }
        return modules.stream().map(m -> inInitramfs.contains(m.name()) && !Boolean.TRUE.equals(m.inInitramfs())
                ? new ModuleSpec(m.name(), m.init(), m.size(), m.loadTime(), m.loadCpuPercent(), m.loadCpuPercentEstimated(), m.dependsOn(), m.options(), true,
                        m.drivers())
                : m).toList();
    }

    /** The log's built-in initcalls, each registering the skeleton's built-in drivers whose devices it probed. */
    private static List<InitcallSpec> initcalls(Skeleton s, Manifest log, Held held, Issues issues) {
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
            long extra = held.inInitcall().getOrDefault(c, 0L);
            out.add(new InitcallSpec(call.name(), call.level(), extra == 0 ? call.duration() : plus(call.duration(), extra),
                    registers.get(c)));
        }
        out.addAll(endOfDevice, unplaced);
        return out;
    }

    /**
     * The probe time of the log's devices the plan does not hold, by the call that ran it. The log's plan took that
     * time out of its calls' own time (the device was to probe there); with the device gone it goes back in, so the
     * call still ends when the log says. A device that deferred was retried in deferred_probe_initcall, unless its
     * driver probes asynchronously (then no call held it).
     */
    private record Held(Map<Integer, Long> inInitcall, Map<String, Long> inModule) {

        static Held of(Manifest log, Set<String> planDevices) {
            Map<String, Integer> callOfDriver = new HashMap<>();
            for (int c = 0; c < log.initcalls().size(); c++) {
                for (String d : log.initcalls().get(c).drivers()) {
                    callOfDriver.put(d, c);
                }
            }
            Map<String, String> moduleOfDriver = new HashMap<>();
            log.modules().forEach(m -> m.drivers().forEach(d -> moduleOfDriver.put(d, ModuleNames.canonical(m.name()))));
            Set<String> asyncDrivers = log.drivers().stream().filter(d -> "prefer-async".equals(d.probeType()))
                    .map(DriverSpec::name).collect(Collectors.toSet());
            int retry = -1;
            for (int c = 0; c < log.initcalls().size(); c++) {
                if (log.initcalls().get(c).name().equals("deferred_probe_initcall")) {
                    retry = c;
                }
            }
            Map<Integer, Long> inInitcall = new HashMap<>();
            Map<String, Long> inModule = new HashMap<>();
            for (DeviceSpec d : log.devices()) {
                long us = us(d.probeTime());
                if (planDevices.contains(d.name()) || us <= 0) {
                    continue;
                }
                boolean deferred = d.suppliers() != null && !d.suppliers().isEmpty();
                if (deferred) {
                    if (retry >= 0 && !asyncDrivers.contains(d.driver())) {
                        inInitcall.merge(retry, us, Long::sum);
                    }
                } else if (callOfDriver.containsKey(d.driver())) {
                    inInitcall.merge(callOfDriver.get(d.driver()), us, Long::sum);
                } else if (moduleOfDriver.containsKey(d.driver())) {
                    inModule.merge(moduleOfDriver.get(d.driver()), us, Long::sum);
                }
            }
            return new Held(inInitcall, inModule);
        }

        /** All the time that goes back into the log's built-in initcalls. */
        long inInitcalls() {
            return inInitcall.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A duration as PlanFromLog writes them ("123us"), or -1 for any other form. */
    private static long us(String duration) {
        if (duration == null || !duration.endsWith("us")) {
            return -1;
        }
        try {
            return Long.parseLong(duration, 0, duration.length() - 2, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code duration} plus {@code extraUs}, in the same form; unchanged when it is not in that form. */
    private static String plus(String duration, long extraUs) {
        long us = us(duration);
        return us < 0 ? duration : Skeleton.us(us + extraUs);
    }
}
