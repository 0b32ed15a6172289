package dev.bootplan.ingest.modules;

import static dev.bootplan.ingest.modules.ModulesIssueKind.PLAN_OVER_LIMIT;
import static dev.bootplan.ingest.modules.ModulesIssueKind.PLAN_REFUSED;
import static dev.bootplan.ingest.modules.ModulesIssueKind.VERSION_ASSUMED;

import dev.bootplan.engine.plan.KernelVersion;
import dev.bootplan.ingest.ImportFailedException;
import dev.bootplan.ingest.ImportIssue;
import dev.bootplan.ingest.Issues;
import dev.bootplan.ingest.dmesg.DmesgIssueKind;
import dev.bootplan.ingest.dmesg.PlanFromLog;
import dev.bootplan.manifest.DeviceSpec;
import dev.bootplan.manifest.KernelSpec;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ManifestInvalidException;
import dev.bootplan.manifest.ManifestLimits;
import dev.bootplan.manifest.ManifestNormalizer;
import dev.bootplan.manifest.ModuleLoadSpec;
import dev.bootplan.manifest.ModuleSpec;
import dev.bootplan.manifest.UserspaceSpec;
import dev.bootplan.manifest.Violation;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A plan skeleton from a kernel's module metadata ({@code /lib/modules/<release>/modules.dep} and friends) and
 * a machine's devices: which modules exist and what they need, what is built in, and which module binds each
 * device. The result is a {@link Manifest} to evaluate as it is or to edit (times are defaults unless a dmesg
 * import gives them).
 *
 * <pre>{@code
 * var result = new ModuleMetadataImport(ModuleMetadataImport.Options.defaults().withKernelRelease("6.1.0-57-amd64"))
 *         .build(Inputs.of(Input.of("modules.dep", depReader))
 *                 .withBuiltin(Input.of("modules.builtin", builtinReader))
 *                 .withBuiltinModinfo(Input.of("modules.builtin.modinfo", modinfoReader))
 *                 .withAliases(Input.of("modules.alias", aliasReader))
 *                 .withDevices(Input.of("modaliases", devicesReader)));
 * result.manifest();  // hand to ManifestNormalizer / the evaluation as any client manifest
 * result.issues();    // "modules.alias:12:5: …", per input, in input order
 * }</pre>
 *
 * What the plan holds:
 * <ul>
 * <li>every module of modules.dep, in file order, with its dependencies (by name, in the line's order), an
 *     {@code init} of {@link Options#moduleInitUs} and a {@code loadTime} of {@link Options#moduleLoadUs};</li>
 * <li>every module of modules.builtin as a built-in initcall {@code <module>_init} at {@code device} level, in
 *     link order, of {@link Options#builtinInitcallUs};</li>
 * <li>every device whose modalias some module's alias matches, with a probe time of {@link Options#probeUs} and
 *     its parent (the nearest ancestor in the plan); a built-in module's modinfo alias wins, else the first
 *     matching module of modules.alias (a built-in driver binds at its initcall, before udev's coldplug
 *     runs {@code kmod load}); unmatched devices are left out;</li>
 * <li>one driver per module or built-in module that has devices, named after the module (the kernel log never
 *     prints driver names, so nothing better is known), probe type {@code default};</li>
 * <li>the kernel version: major.minor of {@link Options#kernelRelease}, else the log's, else "6.12" with a
 *     {@code version-assumed} issue.</li>
 * </ul>
 * With a dmesg import of the same machine ({@link Inputs#withLog}) its measured times replace the defaults; what
 * exactly is taken is listed there.
 *
 * <p>Every input is read once, streaming, line by line (modules.builtin.modinfo record by record), each line at
 * most {@link Options#maxLineChars}. The readers are not closed: they belong to the caller. Each input keeps at
 * most {@link Options#maxIssues} issues; the rest are counted in {@link Counts#issuesLeftOut}.
 *
 * @see ModulesIssueKind for every issue code
 */
public final class ModuleMetadataImport {

    static final String FALLBACK_VERSION = "6.12";

    /**
     * Names and limits of one import. Default times are medians of the real Raspberry Pi 4 boot under
     * {@code src/test/resources/dmesg} (656 built-in initcalls: 2 µs; 47 module inits: 200 µs, their synchronous
     * probes included, so an upper bound for the init's own time; 140 probes: 93 µs). The load time is the fixed
     * part of probe-model.md §4.2's measured overhead (4.8 ms + 0.16 ms per KiB): modules.dep gives no sizes.
     *
     * @param name               the manifest's name; null: {@code modules-<release>}
     * @param kernelRelease      the {@code /lib/modules/<release>} directory name, e.g. {@code 6.1.0-57-amd64};
     *                           null when unknown (the files do not hold it)
     * @param moduleInitUs       each module's init routine's own time (default 200)
     * @param moduleLoadUs       each module's load overhead: read, signature check, relocation (default 4,800)
     * @param builtinInitcallUs  each built-in initcall's own time (default 2)
     * @param probeUs            each device's probe time (default 93)
     * @param maxLineChars       longest line (or modinfo record) read; longer ones are skipped (default 16,384,
     *                           16 times the longest line of Debian 6.1's modules.dep)
     * @param maxIssues          issues kept per input (default 1,000)
     * @param limits             how big a plan /api/v1/evaluations accepts; a bigger one fails the import
     */
    public record Options(String name, String kernelRelease, long moduleInitUs, long moduleLoadUs,
            long builtinInitcallUs, long probeUs, int maxLineChars, int maxIssues, ManifestLimits limits) {

        public Options {
            if (moduleInitUs < 0 || moduleLoadUs < 0 || builtinInitcallUs < 0 || probeUs < 0) {
                throw new IllegalArgumentException("times are microseconds, at least 0");
            }
            if (maxLineChars < 1 || maxIssues < 0) {
                throw new IllegalArgumentException("maxLineChars must be positive and maxIssues at least 0");
            }
            Objects.requireNonNull(limits, "limits");
        }

        /** With the default limits of a plan ({@link ManifestLimits#defaults()}). */
        public Options(String name, String kernelRelease, long moduleInitUs, long moduleLoadUs, long builtinInitcallUs,
                long probeUs, int maxLineChars, int maxIssues) {
            this(name, kernelRelease, moduleInitUs, moduleLoadUs, builtinInitcallUs, probeUs, maxLineChars, maxIssues,
                    ManifestLimits.defaults());
        }

        public static Options defaults() {
            return new Options(null, null, 200, 4_800, 2, 93, 16_384, 1_000);
        }

        public Options withKernelRelease(String release) {
            return new Options(name, release, moduleInitUs, moduleLoadUs, builtinInitcallUs, probeUs, maxLineChars, maxIssues,
                    limits);
        }

        public Options withName(String planName) {
            return new Options(planName, kernelRelease, moduleInitUs, moduleLoadUs, builtinInitcallUs, probeUs,
                    maxLineChars, maxIssues, limits);
        }

        /** The limits /api/v1/evaluations holds a plan to: the service's {@code bootplan.limits.*}. */
        public Options withLimits(ManifestLimits planLimits) {
            return new Options(name, kernelRelease, moduleInitUs, moduleLoadUs, builtinInitcallUs, probeUs, maxLineChars,
                    maxIssues, planLimits);
        }
    }

    /** One input: the name its issues carry (a file name, an upload's name) and its text. */
    public record Input(String source, Reader reader) {
        public Input {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reader, "reader");
        }

        public static Input of(String source, Reader reader) {
            return new Input(source, reader);
        }
    }

    /**
     * What to import. Only modules.dep is required; without modules.builtin there are no built-in initcalls,
     * without modules.builtin.modinfo built-in modules match no device, without modules.alias no module does,
     * without devices the plan has none; {@code log} is a dmesg import whose times are merged in.
     */
    public record Inputs(Input modulesDep, Input modulesBuiltin, Input builtinModinfo, Input modulesAlias,
            Input devices, String logSource, PlanFromLog.Result log) {

        public Inputs {
            Objects.requireNonNull(modulesDep, "modules.dep is required");
        }

        public static Inputs of(Input modulesDep) {
            return new Inputs(modulesDep, null, null, null, null, null, null);
        }

        public Inputs withBuiltin(Input in) {
            return new Inputs(modulesDep, in, builtinModinfo, modulesAlias, devices, logSource, log);
        }

        public Inputs withBuiltinModinfo(Input in) {
            return new Inputs(modulesDep, modulesBuiltin, in, modulesAlias, devices, logSource, log);
        }

        public Inputs withAliases(Input in) {
            return new Inputs(modulesDep, modulesBuiltin, builtinModinfo, in, devices, logSource, log);
        }

        public Inputs withDevices(Input in) {
            return new Inputs(modulesDep, modulesBuiltin, builtinModinfo, modulesAlias, in, logSource, log);
        }

        /**
         * A dmesg import of the same machine; {@code source} names the log in issues about the merge. Exactly this
         * is taken from it: a module's {@code init} from the log's module of the same name; a device's
         * {@code probeTime} from the log's device of the same name; and, when the log has built-in initcalls,
         * those (names, levels, own times, in log order) instead of the {@code <module>_init} ones, with the log's
         * {@code earlyBoot}. A built-in driver is then registered by the log initcall that probed one of its
         * devices, or, if the log probes none, by its own {@code <module>_init} placed at the end of the device
         * level. The kernel version is the log's when {@link Options#kernelRelease} is null and the log printed
         * one. Also its initramfs, hand-over to /init and userspace times, a module's measured load time and whether
         * it sits in the initramfs. Nothing else: not the log's drivers or which driver it saw bind a device, its
         * probe types, the dependencies it saw one worker load, or its command line.
         */
        public Inputs withLog(String source, PlanFromLog.Result plan) {
            return new Inputs(modulesDep, modulesBuiltin, builtinModinfo, modulesAlias, devices, source, plan);
        }
    }

    /** The manifest, every issue (grouped by input in the order above, each group in line order), and counts. */
    public record Result(Manifest manifest, List<ImportIssue> issues, Counts counts) {
        public Result {
            issues = List.copyOf(issues);
        }
    }

    /**
     * How much was read and kept: modules and built-in modules read, alias patterns usable (modules.alias lines
     * plus built-in modinfo aliases), devices listed and in the plan (of them bound by built-in drivers), devices
     * left out for want of a driver, drivers, what came from the log, and issues beyond {@link Options#maxIssues}.
     */
    public record Counts(int modules, int builtinModules, int aliases, int devicesListed, int devicesInPlan,
            int devicesBuiltin, int devicesUnmatched, int drivers, int moduleInitsFromLog, int probeTimesFromLog,
            int initcallsFromLog, long issuesLeftOut) {}

    private final Options options;

    public ModuleMetadataImport(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Reads the inputs and builds the plan.
     *
     * @throws ImportFailedException when modules.dep holds no module (its issues, with a {@code nothing-to-import}
     *     error), or when /api/v1/evaluations would refuse the plan: a dependency cycle, a plan over
     *     {@link Options#limits}, or anything else its validation refuses (every issue, with those errors)
     * @throws UncheckedIOException  when a reader fails
     */
    public Result build(Inputs in) {
        int max = options.maxLineChars();
        Issues depIssues = issues(in.modulesDep());
        DepTable dep = DepTable.read(in.modulesDep().reader(), max, depIssues);
        if (dep.modules().isEmpty()) { // DepTable has said so with a nothing-to-import error
            throw new ImportFailedException("\"" + in.modulesDep().source() + "\" holds no module to import",
                    sorted(depIssues.list()));
        }
        Issues builtinIssues = issues(in.modulesBuiltin());
        Issues modinfoIssues = issues(in.builtinModinfo());
        Issues aliasIssues = issues(in.modulesAlias());
        Issues deviceIssues = issues(in.devices());
        BuiltinList builtins = in.modulesBuiltin() == null ? BuiltinList.empty()
                : BuiltinList.read(in.modulesBuiltin().reader(), max, builtinIssues);
        BuiltinModinfo modinfo = in.builtinModinfo() == null ? BuiltinModinfo.empty()
                : BuiltinModinfo.read(in.builtinModinfo().reader(), max, modinfoIssues);
        var known = dep.byName();
        AliasTable aliases = in.modulesAlias() == null ? AliasTable.empty()
                : AliasTable.read(in.modulesAlias().reader(), max, known::containsKey, aliasIssues);
        MachineDevices machine = in.devices() == null ? MachineDevices.empty()
                : MachineDevices.read(in.devices().reader(), max, deviceIssues);

        var sinks = new SkeletonBuilder.Sinks(builtinIssues, modinfoIssues, deviceIssues);
        Skeleton skeleton = new SkeletonBuilder(options, sinks).build(dep, builtins, modinfo, aliases, machine);
        Issues logIssues = new Issues(in.logSource() == null ? "dmesg" : in.logSource(), options.maxIssues());
        LogMerge.Merged merged = in.log() == null ? new LogMerge.Merged(skeleton, 0, 0, 0)
                : LogMerge.merge(LogMerge.withLogDriverNames(skeleton, in.log(), logIssues), in.log().manifest(), logIssues);
        skeleton = merged.skeleton();

        String version = version(in.log(), depIssues);
        String name = options.name() != null ? options.name()
                : "modules-" + (options.kernelRelease() != null ? options.kernelRelease() : version);
        Manifest fromLog = in.log() == null ? null : in.log().manifest();
        Manifest manifest = new Manifest(name, kernel(version, skeleton.earlyBoot(), fromLog), null, null, null,
                skeleton.initcalls(), skeleton.modules(), skeleton.drivers(), skeleton.devices(),
                fromLog == null ? null : userspace(fromLog.userspace(), skeleton.modules(), skeleton.devices()));

        List<Issues> all = List.of(depIssues, builtinIssues, modinfoIssues, aliasIssues, deviceIssues, logIssues);
        overLimits(manifest, depIssues, deviceIssues, in.log() != null ? logIssues : builtinIssues);
        if (all.stream().noneMatch(Issues::hasErrors)) {
            refusals(manifest, depIssues);
        }
        List<ImportIssue> issues = new ArrayList<>();
        long leftOut = 0;
        for (Issues i : all) {
            issues.addAll(sorted(i.list()));
            leftOut += i.dropped();
        }
        if (all.stream().anyMatch(Issues::hasErrors)) {
            throw new ImportFailedException("\"" + in.modulesDep().source() + "\" and the files with it give a plan"
                    + " /api/v1/evaluations would refuse", issues);
        }
        Skeleton.Tally tally = skeleton.tally();
        Counts counts = new Counts(dep.modules().size(), tally.builtinModules(),
                aliases.aliases().size() + tally.builtinAliases(), machine.devices().size(), skeleton.devices().size(),
                tally.devicesBuiltin(), tally.devicesUnmatched(), skeleton.drivers().size(), merged.moduleInits(),
                merged.probeTimes(), merged.initcalls(), leftOut);
        return new Result(manifest, issues, counts);
    }

    /**
     * The plan's sizes against the limits the evaluation checks first (ManifestNormalizer): modules are modules.dep's,
     * devices and drivers the machine's, initcalls modules.builtin's or the log's.
     */
    private void overLimits(Manifest m, Issues dep, Issues devices, Issues initcalls) {
        ManifestLimits l = options.limits();
        overLimit(dep, m.modules().size(), "modules", l.maxModules(), "max-modules");
        overLimit(devices, m.devices().size(), "devices", l.maxDevices(), "max-devices");
        overLimit(devices, m.drivers().size(), "drivers", l.maxDrivers(), "max-drivers");
        overLimit(initcalls, m.initcalls().size(), "built-in initcalls", l.maxInitcalls(), "max-initcalls");
    }

    private static void overLimit(Issues issues, int count, String what, int limit, String setting) {
        if (count > limit) {
            issues.add(0, 0, PLAN_OVER_LIMIT, "the plan has " + count + " " + what + "; /api/v1/evaluations accepts at"
                    + " most " + limit + " (bootplan.limits." + setting + "); not imported");
        }
    }

    /**
     * What else the evaluation would refuse, found by its own validation, so that a 200 always carries a plan it
     * accepts: a name longer than it takes, say. Reported against modules.dep, the plan's backbone, with the pointer.
     */
    private void refusals(Manifest m, Issues dep) {
        try {
            new ManifestNormalizer(options.limits()).normalize(m);
        } catch (ManifestInvalidException e) {
            for (Violation v : e.violations()) {
                dep.add(0, 0, PLAN_REFUSED, "/api/v1/evaluations would refuse the plan at " + v.pointer() + ": "
                        + v.message() + "; not imported");
            }
        }
    }

    private Issues issues(Input in) {
        return new Issues(in == null ? "-" : in.source(), options.maxIssues());
    }

    /** Line order within one input: parsers that resolve names after reading report those issues late. */
    private static List<ImportIssue> sorted(List<ImportIssue> issues) {
        List<ImportIssue> out = new ArrayList<>(issues);
        out.sort(Comparator.comparingInt(ImportIssue::line).thenComparingInt(ImportIssue::column));
        return out;
    }

    /** major.minor, as the manifest wants it, from the release the caller gave, else from the log. */
    private String version(PlanFromLog.Result log, Issues issues) {
        String release = options.kernelRelease();
        if (release != null) {
            KernelVersion v = KernelVersion.parse(release);
            if (v != null) {
                return v.toString();
            }
            issues.add(0, 0, VERSION_ASSUMED, Words.quote(release) + " is not a kernel release like 6.1.0-57-amd64;"
                    + " the plan says " + FALLBACK_VERSION);
            return FALLBACK_VERSION;
        }
        if (log != null && log.manifest().kernel() != null
                && log.issues().stream().noneMatch(i -> i.kind() == DmesgIssueKind.VERSION_ASSUMED)) {
            KernelVersion v = KernelVersion.parse(log.manifest().kernel().version());
            if (v != null) {
                return v.toString();
            }
        }
        issues.add(0, 0, VERSION_ASSUMED, "no kernel release given (the name of the /lib/modules/<release> directory,"
                + " e.g. 6.1.0-57-amd64) and the files do not hold one; the plan says " + FALLBACK_VERSION);
        return FALLBACK_VERSION;
    }

    /**
     * The log's userspace, its loads by name kept for the modules the plan holds (modules.dep decides which exist) and
     * its root device if the plan holds it.
     */
    private static UserspaceSpec userspace(UserspaceSpec u, List<ModuleSpec> modules, List<DeviceSpec> devices) {
        if (u == null) {
            return null;
        }
        String root = devices.stream().anyMatch(d -> d.name().equals(u.rootDevice())) ? u.rootDevice() : null;
        Set<String> known = modules.stream().map(ModuleSpec::name).collect(java.util.stream.Collectors.toSet());
        List<ModuleLoadSpec> loads = u.moduleLoads().stream()
                .map(l -> new ModuleLoadSpec(l.by(), l.phase(), l.after(), l.concurrency(), l.interval(),
                        l.modules().stream().filter(e -> known.contains(ModuleNames.canonical(e.name()))).toList()))
                .filter(l -> !l.modules().isEmpty()).toList();
        return new UserspaceSpec(u.expectsSyncProbe(), root, u.initrdStartup(), u.rootSwitch(), u.rootStartup(), u.udev(), loads);
    }

    /**
     * The one place that knows KernelSpec's shape: the version, module support, the log's early boot, and when a
     * log was given its initramfs and hand-over to /init (userspace's times go with the manifest's userspace).
     */
    private static KernelSpec kernel(String version, String earlyBoot, Manifest log) {
        KernelSpec seen = log == null ? null : log.kernel();
        return new KernelSpec(version, null, true, seen == null ? null : seen.initramfs(), earlyBoot,
                seen == null ? null : seen.initHandover());
    }
}
