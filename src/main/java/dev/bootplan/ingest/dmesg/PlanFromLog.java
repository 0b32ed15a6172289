package dev.bootplan.ingest.dmesg;

import static dev.bootplan.ingest.dmesg.DmesgIssueKind.*;

import dev.bootplan.ingest.ImportIssue;
import dev.bootplan.ingest.Issues;
import dev.bootplan.manifest.DeviceSpec;
import dev.bootplan.manifest.DriverSpec;
import dev.bootplan.manifest.InitcallSpec;
import dev.bootplan.manifest.InitramfsSpec;
import dev.bootplan.manifest.KernelSpec;
import dev.bootplan.manifest.MachineSpec;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ModuleSpec;
import dev.bootplan.manifest.SystemdSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A manifest that, simulated in async mode (the kernel's own behaviour), replays the boot a log shows. Built-in
 * initcalls run one after another in PID 1, so each one's own time is the time from the previous one's end to
 * its own end (console output between the lines included) minus the probes the plan holds as devices; the
 * time before the first initcall in the log is the kernel's early boot. Module inits keep their own span minus
 * their devices. Drivers are named after the call that registers them: the log never prints a driver name.
 */
public final class PlanFromLog {

    /** The manifest, what building it noted (log line numbers), and how much of the log it holds. */
    public record Result(Manifest manifest, List<ImportIssue> issues, Counts counts) {}

    public record Counts(int builtinInitcalls, int modules, int drivers, int devices, int deferredDevices,
            int asyncDrivers, int childProbesFolded) {}

    private static final String FALLBACK_VERSION = "6.12";

    public Result build(BootLog log, String name) {
        Issues issues = new Issues(log.source(), 1000);
        Placement placement = Placement.of(log, issues);
        List<InitcallRun> calls = log.initcalls();

        Map<Integer, List<Placement.Placed>> byOwner = new HashMap<>();
        long[] held = new long[calls.size()];
        for (Placement.Placed d : placement.devices()) {
            byOwner.computeIfAbsent(d.owner(), k -> new ArrayList<>()).add(d);
            if (d.heldIn() >= 0) {
                held[d.heldIn()] += d.probeUs();
            }
        }
        // One driver per built-in initcall, and one per module whichever of its loads probed the devices (a module
        // loaded twice registers the same driver both times).
        Map<Integer, String> driverOf = new HashMap<>();
        Map<String, String> moduleDriver = new HashMap<>();
        Map<String, Boolean> prefersAsync = new LinkedHashMap<>();
        Set<String> driverNames = new HashSet<>();
        for (int c = 0; c < calls.size(); c++) {
            if (byOwner.containsKey(c)) {
                InitcallRun run = calls.get(c);
                String driver = run.builtin() ? unique(run.function(), driverNames)
                        : moduleDriver.computeIfAbsent(run.module(), m -> unique(m, driverNames));
                driverOf.put(c, driver);
                prefersAsync.merge(driver, placement.asyncOwner(c), Boolean::logicalOr);
            }
        }
        List<DriverSpec> drivers = new ArrayList<>();
        prefersAsync.forEach((driver, isAsync) -> drivers.add(
                new DriverSpec(driver, isAsync ? "prefer-async" : "default", null, null, null)));

        var init = log.events(LogEvent.InitStarted.class).stream().findFirst();
        boolean initramfs = init.isPresent() && init.get().init().equals("/init"); // rdinit's default: an initramfs ran
        UserspaceStartup.Startup startup = UserspaceStartup.of(log, initramfs, driverOf::containsKey, issues);
        Map<Integer, ModuleChains.Load> loads = ModuleChains.of(log, driverOf::containsKey, startup);
        List<InitcallSpec> initcalls = builtins(log, held, driverOf, issues);
        List<ModuleSpec> modules = modules(log, held, moduleDriver, loads, issues);
        List<DeviceSpec> devices = new ArrayList<>();
        for (Placement.Placed d : placement.devices()) {
            devices.add(new DeviceSpec(d.device(), driverOf.get(d.owner()), us(d.probeUs()), null, null,
                    d.supplier() == null ? List.of() : List.of(d.supplier()), null, null, null, null));
        }

        String version = log.kernelVersion();
        if (version == null) {
            version = FALLBACK_VERSION;
            issues.add(0, 0, VERSION_ASSUMED, "the log prints no kernel version (\"Linux version …\") and the request gave"
                    + " none; the plan says " + FALLBACK_VERSION);
        }
        long earlyBoot = calls.stream().filter(InitcallRun::builtin).mapToLong(InitcallRun::startUs).findFirst().orElse(0);
        KernelSpec kernel = new KernelSpec(version, log.cmdline(), true, new InitramfsSpec(initramfs, "0us"), us(earlyBoot),
                us(handover(log)));
        Manifest manifest = new Manifest(name, kernel, new SystemdSpec(log.systemdVersion(), null, null),
                new MachineSpec(log.cpus(), null), null, initcalls, modules, drivers, devices,
                startup.spec());
        int deferred = (int) placement.devices().stream().filter(d -> d.supplier() != null).count();
        int async = (int) drivers.stream().filter(d -> d.probeType().equals("prefer-async")).count();
        return new Result(manifest, issues.list(), new Counts(initcalls.size(), modules.size(), drivers.size(),
                devices.size(), deferred, async, placement.childrenFolded()));
    }

    private static List<InitcallSpec> builtins(BootLog log, long[] held, Map<Integer, String> driverOf, Issues issues) {
        String before = levelBeforeFirstEntered(log);
        List<InitcallSpec> out = new ArrayList<>();
        long boundary = -1;
        boolean assumedNoted = false;
        for (int c = 0; c < log.initcalls().size(); c++) {
            InitcallRun run = log.initcalls().get(c);
            if (!run.builtin() || !run.finished()) {
                continue;
            }
            long span = run.endUs() - (boundary < 0 ? run.startUs() : boundary);
            boundary = Math.max(boundary, run.endUs());
            String level = run.level();
            if (level == null) {
                level = before;
                if (!assumedNoted) {
                    assumedNoted = true;
                    issues.add(run.callingLine(), 1, LEVEL_ASSUMED, "initcalls before the first \"entering initcall level:\""
                            + " line are placed at " + before + ", the level before the first one the log enters");
                }
            }
            out.add(new InitcallSpec(run.function(), level, us(ownTime(run, span, held[c], issues)),
                    driverOf.containsKey(c) ? List.of(driverOf.get(c)) : List.of()));
        }
        return out;
    }

    private static List<ModuleSpec> modules(BootLog log, long[] held, Map<String, String> moduleDriver,
            Map<Integer, ModuleChains.Load> loads, Issues issues) {
        Long rootMounted = log.events(LogEvent.RootMounted.class).stream().map(LogEvent::atUs).findFirst().orElse(null);
        List<ModuleSpec> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < log.initcalls().size(); c++) {
            InitcallRun run = log.initcalls().get(c);
            if (run.builtin() || !run.finished()) {
                continue;
            }
            if (!seen.add(run.module())) {
                issues.add(run.callingLine(), 1, DUPLICATE_MODULE, "module " + run.module() + " runs its init again;"
                        + " the plan keeps the first load");
                continue;
            }
            boolean inInitramfs = rootMounted != null && run.startUs() < rootMounted;
            ModuleChains.Load load = loads.getOrDefault(c, new ModuleChains.Load(0, List.of()));
            // The log measures a load's wall time, with whatever CPU contention and I/O it met already in it: the
            // plan replays it as waiting (loadCpuPercent 0) so the contention is not counted twice.
            out.add(new ModuleSpec(run.module(), us(ownTime(run, run.endUs() - run.startUs(), held[c], issues)), null,
                    us(load.overheadUs()), MEASURED_LOAD_CPU_PERCENT, null, load.dependsOn(), null, inInitramfs,
                    moduleDriver.containsKey(run.module()) ? List.of(moduleDriver.get(run.module())) : List.of()));
        }
        return out;
    }

    /** A measured load's share of CPU as the replay runs it: none, its wall time already holds its contention. */
    static final int MEASURED_LOAD_CPU_PERCENT = 0;

    private static long ownTime(InitcallRun run, long span, long probes, Issues issues) {
        if (probes > span) {
            issues.add(run.callingLine(), 1, OWN_TIME_NEGATIVE, run.label() + " spans " + span + " µs but the probes the"
                    + " plan holds in it add up to " + probes + " µs (they overlapped); its own time is 0");
            return 0;
        }
        return span - probes;
    }

    /**
     * kernel_init's own time before /init: from the last built-in initcall, or the last probe outside every call
     * that bound (an async probe the final async_synchronize_full waited for), to "Run /init as init process".
     */
    private static long handover(BootLog log) {
        var init = log.events(LogEvent.InitStarted.class).stream().findFirst();
        if (init.isEmpty()) {
            return 0;
        }
        long at = init.get().atUs();
        long last = log.initcalls().stream().filter(r -> r.builtin() && r.finished() && r.endUs() <= at)
                .mapToLong(InitcallRun::endUs).max().orElse(at);
        long async = log.probes().stream().filter(p -> !p.attributed() && p.result() == ProbeResult.bound && p.endUs() <= at)
                .mapToLong(ProbeRun::endUs).max().orElse(last);
        return Math.max(0, at - Math.max(last, async));
    }

    /** The first level the log enters is preceded by the one before it in init/main.c's order. */
    private static String levelBeforeFirstEntered(BootLog log) {
        List<String> order = List.of("pure", "core", "postcore", "arch", "subsys", "fs", "rootfs", "device", "late");
        return log.events(LogEvent.LevelEntered.class).stream().findFirst()
                .map(e -> order.indexOf(e.level()))
                .map(i -> i > 0 ? order.get(i - 1) : i == 0 ? "pure" : "device")
                .orElse("device");
    }

    private static String unique(String base, Set<String> taken) {
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "#" + n;
        }
        return name;
    }

    private static String us(long us) {
        return us + "us";
    }
}
