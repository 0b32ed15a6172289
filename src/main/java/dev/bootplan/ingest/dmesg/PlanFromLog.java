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
import dev.bootplan.manifest.ManifestLimits;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ModuleSpec;
import dev.bootplan.manifest.SystemdSpec;
import dev.bootplan.manifest.UserspaceSpec;
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
    /** {@code namedByLog}: the plan's drivers whose names the log's driver core printed (dd.c's debug lines). */
    public record Result(Manifest manifest, List<ImportIssue> issues, Counts counts, Set<String> namedByLog) {

        public Result {
            namedByLog = namedByLog == null ? Set.of() : Set.copyOf(namedByLog);
        }

        /** A plan whose drivers are all named after the calls that register them. */
        public Result(Manifest manifest, List<ImportIssue> issues, Counts counts) {
            this(manifest, issues, counts, Set.of());
        }
    }

    public record Counts(int builtinInitcalls, int modules, int drivers, int devices, int deferredDevices,
            int asyncDrivers, int childProbesFolded) {}

    private static final String FALLBACK_VERSION = "6.12";

    public Result build(BootLog log, String name) {
        Issues issues = new Issues(log.source(), 1000);
        Placement placement = Placement.of(log, issues);
        List<InitcallRun> calls = log.initcalls();
        DriverCoreLog dd = DriverCoreLog.of(log);
        Map<String, Integer> ddOwner = CallAtLine.ownersOf(log, dd);
        long[] moduleStarts = calls.stream().filter(r -> !r.builtin()).mapToLong(InitcallRun::startUs).sorted().toArray();
        List<LogDevices.Device> found = LogDevices.of(log, placement, dd, ddOwner, c -> waitEnds(log, moduleStarts, c), issues);

        long[] held = new long[calls.size()];
        for (LogDevices.Device d : found) {
            if (d.heldIn >= 0 && log.probes().get(d.probe).parent() < 0) {
                held[d.heldIn] += log.probes().get(d.probe).durationUs();
            }
        }
        // A driver dd.c names is the one the kernel registered; otherwise one driver per built-in initcall, and one per
        // module whichever of its loads probed the devices (a module loaded twice registers the same driver both times).
        Map<Integer, List<String>> callDrivers = new HashMap<>();
        Map<String, List<String>> moduleDrivers = new HashMap<>();
        Map<String, Boolean> prefersAsync = new LinkedHashMap<>();
        Map<String, String> labelDriver = new HashMap<>();
        Set<String> driverNames = new HashSet<>();
        found.stream().filter(d -> d.driver != null).forEach(d -> driverNames.add(d.driver));
        List<LogDevices.Device> ordered = new ArrayList<>(found);
        ordered.sort(java.util.Comparator.<LogDevices.Device>comparingInt(d -> d.owner).thenComparingInt(d -> firstNamedLine(log, dd, d)));
        for (LogDevices.Device d : ordered) {
            InitcallRun run = calls.get(d.owner);
            if (d.driver == null) {
                String key = run.builtin() ? "#" + d.owner : run.module();
                d.driver = labelDriver.computeIfAbsent(key, k -> unique(run.builtin() ? run.function() : run.module(), driverNames));
                prefersAsync.merge(d.driver, placement.asyncOwner(d.owner), Boolean::logicalOr);
            } else {
                prefersAsync.merge(d.driver, d.async, Boolean::logicalOr);
            }
            List<String> into = run.builtin() ? callDrivers.computeIfAbsent(d.owner, k -> new ArrayList<>())
                    : moduleDrivers.computeIfAbsent(run.module(), k -> new ArrayList<>());
            if (!into.contains(d.driver)) {
                into.add(d.driver);
            }
        }
        List<DriverSpec> drivers = new ArrayList<>();
        List<Integer> driverLines = new ArrayList<>();
        AsyncKnobs knobs = new AsyncKnobs(log.cmdline());
        Map<String, LogDevices.Device> firstOf = new HashMap<>();
        ordered.forEach(d -> firstOf.putIfAbsent(d.driver, d));
        prefersAsync.forEach((driver, isAsync) -> {
            LogDevices.Device first = firstOf.get(driver);
            InitcallRun registrar = calls.get(first.owner);
            boolean prefer = isAsync && !knobs.explains(driver, registrar.module(), dd.present(), issues,
                    log.probes().get(first.probe).line());
            drivers.add(new DriverSpec(driver, prefer ? "prefer-async" : "default", null, null, null));
            driverLines.add(registrar.callingLine());
        });
        Set<Integer> bindsDevices = new HashSet<>(callDrivers.keySet());
        for (int c = 0; c < calls.size(); c++) {
            if (!calls.get(c).builtin() && moduleDrivers.containsKey(calls.get(c).module())) {
                bindsDevices.add(c);
            }
        }

        var init = log.events(LogEvent.InitStarted.class).stream().findFirst();
        boolean initramfs = init.isPresent() && init.get().init().equals("/init"); // rdinit's default: an initramfs ran
        UserspaceStartup.Startup startup = UserspaceStartup.of(log, initramfs, bindsDevices::contains, issues);
        Map<Integer, ModuleChains.Load> loads = ModuleChains.of(log, bindsDevices::contains, startup);
        Set<Integer> byUdev = new HashSet<>(bindsDevices);
        Set<String> udevDeps = new HashSet<>();
        loads.values().forEach(l -> udevDeps.addAll(l.dependsOn()));
        for (int c = 0; c < calls.size(); c++) {
            if (!calls.get(c).builtin() && udevDeps.contains(calls.get(c).module())) {
                byUdev.add(c);
            }
        }
        ModuleLoads.Result byName = ModuleLoads.of(log, byUdev, initramfs, issues);
        List<Integer> initcallLines = new ArrayList<>();
        List<InitcallSpec> initcalls = builtins(log, held, callDrivers, issues, initcallLines);
        List<Integer> moduleLines = new ArrayList<>();
        List<ModuleSpec> modules = modules(log, held, moduleDrivers, loads, byName, issues, moduleLines);
        List<DeviceSpec> devices = new ArrayList<>();
        List<Integer> deviceLines = new ArrayList<>();
        for (LogDevices.Device d : found) {
            devices.add(new DeviceSpec(d.name, d.driver, us(d.probeUs), null, d.parent,
                    d.supplier == null ? List.of() : List.of(d.supplier), null, null, null,
                    d.asyncWorkUs > 0 ? us(d.asyncWorkUs) : null, null, null, d.asyncWorkUs > 0 ? d.asyncWorkQueue : null,
                    d.discoveredAfterUs == null ? null : us(d.discoveredAfterUs), null));
            deviceLines.add(log.probes().get(d.probe).line());
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
        String memory = log.memoryKiB() == null ? null : log.memoryKiB() + "KiB";
        Manifest built = new Manifest(name, kernel, new SystemdSpec(log.systemdVersion(), null, null),
                new MachineSpec(log.cpus(), memory), null, initcalls, modules, drivers, devices,
                RootWait.apply(log, userspace(startup.spec(), byName), found, issues));
        Manifest manifest = PlanCheck.accepted(built, new PlanCheck.Lines(initcallLines, moduleLines, deviceLines, driverLines),
                ManifestLimits.defaults(), issues);
        int deferred = (int) found.stream().filter(d -> d.supplier != null).count();
        int async = (int) manifest.drivers().stream().filter(d -> d.probeType().equals("prefer-async")).count();
        int folded = placement.childrenFolded() - (int) found.stream().filter(d -> log.probes().get(d.probe).parent() >= 0).count();
        Set<String> named = new HashSet<>();
        manifest.drivers().forEach(d -> {
            if (dd.driverNamed(d.name()) != null) {
                named.add(d.name());
            }
        });
        return new Result(manifest, issues.list(), new Counts(manifest.initcalls().size(), manifest.modules().size(),
                manifest.drivers().size(), manifest.devices().size(), deferred, async, folded), named);
    }

    private static UserspaceSpec userspace(UserspaceSpec s, ModuleLoads.Result byName) {
        return new UserspaceSpec(s.expectsSyncProbe(), s.rootDevice(), s.initrdStartup(), s.rootSwitch(), s.rootStartup(),
                byName.udev() ? null : false, byName.lists());
    }

    /** The line a device's driver is first named on, for the order drivers are registered in within a call. */
    private static int firstNamedLine(BootLog log, DriverCoreLog dd, LogDevices.Device d) {
        DriverCoreLog.Named n = d.driver == null ? null : dd.driverNamed(d.driver);
        return n != null ? n.line() : log.probes().get(d.probe).line();
    }

    /**
     * When the wait that call {@code c} does for the async domain ends at the latest: a module load without async_probe
     * waits (kernel/module/main.c do_init_module(): async_synchronize_full()) before the next module init the log shows
     * can start; the built-in initcalls are waited for before /init (init/main.c kernel_init()).
     */
    private static Long waitEnds(BootLog log, long[] moduleStarts, int c) {
        InitcallRun run = log.initcalls().get(c);
        if (!run.finished()) {
            return null;
        }
        if (run.builtin()) {
            return log.events(LogEvent.InitStarted.class).stream().map(LogEvent::atUs).findFirst().orElse(null);
        }
        int at = java.util.Arrays.binarySearch(moduleStarts, run.endUs());
        int next = at >= 0 ? at : -at - 1; // the first module init starting at or after this one's return
        return next < moduleStarts.length ? moduleStarts[next] : null;
    }

    private static List<InitcallSpec> builtins(BootLog log, long[] held, Map<Integer, List<String>> driverOf, Issues issues,
            List<Integer> lines) {
        String before = levelBeforeFirstEntered(log);
        Map<Integer, String> fromSource = log.events(LogEvent.LevelEntered.class).isEmpty() ? levelsFromSource(log, issues)
                : Map.of();
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
            String level = run.level() != null ? run.level() : fromSource.get(c);
            if (level == null) {
                level = before;
                if (!assumedNoted) {
                    assumedNoted = true;
                    issues.add(run.callingLine(), 1, LEVEL_ASSUMED, "initcalls before the first \"entering initcall level:\""
                            + " line are placed at " + before + ", the level before the first one the log enters");
                }
            }
            out.add(new InitcallSpec(run.function(), level, us(ownTime(run, span, held[c], issues)),
                    driverOf.getOrDefault(c, List.of())));
            lines.add(run.callingLine());
        }
        return out;
    }

    private static List<ModuleSpec> modules(BootLog log, long[] held, Map<String, List<String>> moduleDrivers,
            Map<Integer, ModuleChains.Load> loads, ModuleLoads.Result byName, Issues issues, List<Integer> lines) {
        Long rootMounted = log.events(LogEvent.RootMounted.class).stream().map(LogEvent::atUs).findFirst().orElse(null);
        boolean initramfs = log.events(LogEvent.InitStarted.class).stream().findFirst().map(e -> e.init().equals("/init"))
                .orElse(false);
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
            String init = us(ownTime(run, run.endUs() - run.startUs(), held[c], issues));
            List<String> drivers = moduleDrivers.getOrDefault(run.module(), List.of());
            if (byName.loadUs().containsKey(c)) {
                // A load by name: its time runs from the loader's previous load. With udev the loaders ran among busy
                // workers, and the wall time they measured holds that contention already (replayed as waiting, as udev's
                // loads are); a loader alone in its phase computes (kernel/module/main.c load_module() in the caller, a
                // shell's fork and exec), which a what-if must share: CPU, as an estimate the report bounds.
                out.add(new ModuleSpec(run.module(), init, null, us(byName.loadUs().get(c)), byName.udev() ? MEASURED_LOAD_CPU_PERCENT : 100, byName.udev() ? null : true, List.of(), null,
                        inInitramfs || (initramfs && rootMounted == null), drivers));
            } else {
                // The log measures a udev load's wall time, with whatever CPU contention and I/O it met already in it:
                // the plan replays it as waiting (loadCpuPercent 0) so the contention is not counted twice.
                out.add(new ModuleSpec(run.module(), init, null, us(load.overheadUs()), MEASURED_LOAD_CPU_PERCENT, null,
                        load.dependsOn(), null, inInitramfs, drivers));
            }
            lines.add(run.callingLine());
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

    /**
     * Levels for a log that prints no "entering initcall level:" line, from the initcalls whose level the kernel's
     * source fixes ({@link LevelAnchors}): each such call starts its level, and the calls after it stay there until
     * the next one (link order runs a level's calls together, so the log's order is the levels' order). The calls
     * before the first anchor share its level. An anchor that would go back a level is out of the kernel's order and
     * moves nothing. By index into {@link BootLog#initcalls()}.
     */
    private static Map<Integer, String> levelsFromSource(BootLog log, Issues issues) {
        List<InitcallRun> calls = log.initcalls();
        Map<Integer, String> out = new HashMap<>();
        int current = -1;
        int before = 0;
        for (int c = 0; c < calls.size(); c++) {
            InitcallRun run = calls.get(c);
            if (!run.builtin() || !run.finished()) {
                continue;
            }
            String anchor = LevelAnchors.levelOf(run.function());
            int at = anchor == null ? -1 : LevelAnchors.ORDER.indexOf(anchor);
            if (at >= 0 && at > current) {
                String earlier = current < 0 && before > 0 ? ", and so are the " + before + " built-in initcalls before it" : "";
                if (current < 0) {
                    for (int e = 0; e < c; e++) {
                        if (calls.get(e).builtin()) {
                            out.put(e, anchor);
                        }
                    }
                }
                current = at;
                issues.add(run.callingLine(), 1, LEVEL_FROM_SOURCE, "the log prints no \"entering initcall level:\" line; "
                        + run.function() + " is a " + anchor + "_initcall (" + LevelAnchors.sourceOf(run.function())
                        + "), so it and the built-in initcalls after it are placed at " + anchor + earlier);
            } else if (at >= 0 && at < current) {
                issues.add(run.callingLine(), 1, LEVEL_FROM_SOURCE, run.function() + " is a " + anchor + "_initcall ("
                        + LevelAnchors.sourceOf(run.function()) + ") but runs after a " + LevelAnchors.ORDER.get(current)
                        + " one; it stays at " + LevelAnchors.ORDER.get(current));
            }
            if (current < 0) {
                before++;
            } else {
                out.put(c, LevelAnchors.ORDER.get(current));
            }
        }
        return out;
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
