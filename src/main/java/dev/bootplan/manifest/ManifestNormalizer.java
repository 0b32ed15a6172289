package dev.bootplan.manifest;

import dev.bootplan.engine.plan.DriverPlan;
import dev.bootplan.engine.plan.FirmwarePlan;
import dev.bootplan.engine.plan.InitcallPlan;
import dev.bootplan.engine.plan.KernelVersion;
import dev.bootplan.engine.plan.Level;
import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.engine.plan.UserspaceTimes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates a manifest and turns it into the engine's {@link Plan}. Every violation is collected
 * (with a JSON pointer) before anything is thrown, and size limits are checked before counts are expanded.
 */
public final class ManifestNormalizer {

    private static final String DEFERRED_PROBE_INITCALL = "deferred_probe_initcall";

    static final long HOUR_US = 3_600_000_000L;
    static final long DAY_US = 24 * HOUR_US;

    private final ManifestLimits limits;

    public ManifestNormalizer(ManifestLimits limits) {
        this.limits = limits;
    }

    public Plan normalize(Manifest m) {
        Problems p = new Problems();
        if (m == null) {
            p.add("", "the body must be a manifest object");
            p.throwIfAny();
        }
        checkCounts(m, p);
        p.throwIfAny(); // nothing below is worth doing for a plan over the limits

        KernelSpec kernel = m.kernel();
        KernelVersion version = null;
        if (kernel == null) {
            p.add("/kernel", "the kernel is required (at least its version)");
        } else {
            version = KernelVersion.parse(kernel.version());
            if (version == null) {
                p.add("/kernel/version", kernel.version() == null ? "the kernel version is required, e.g. \"6.12\""
                        : "\"" + Problems.abbreviate(kernel.version()) + "\" is not a kernel version like \"6.12\" or \"4.19\"");
            }
            if (kernel.cmdline() != null && kernel.cmdline().length() > 4096) {
                p.add("/kernel/cmdline", "is longer than 4096 characters (COMMAND_LINE_SIZE is at most 4096)");
            }
        }
        InitramfsSpec initramfs = kernel == null ? null : kernel.initramfs();
        boolean initramfsPresent = initramfs != null && !Boolean.FALSE.equals(initramfs.present());
        long unpackUs = initramfs == null ? 0 : p.duration("/kernel/initramfs/unpackTime", initramfs.unpackTime(), 0, HOUR_US);
        long earlyBootUs = kernel == null ? 0 : p.duration("/kernel/earlyBoot", kernel.earlyBoot(), 0, HOUR_US);
        long handoverUs = kernel == null ? 0 : p.duration("/kernel/initHandover", kernel.initHandover(), 0, HOUR_US);

        SystemdSpec systemd = m.systemd() == null ? new SystemdSpec(null, null, null) : m.systemd();
        int systemdVersion = p.integer("/systemd/version", systemd.version(), 257, 1, 9999);
        Long eventTimeout = systemd.eventTimeout() == null ? null
                : p.duration("/systemd/eventTimeout", systemd.eventTimeout(), 180_000_000L, DAY_US);
        if (eventTimeout != null && eventTimeout == 0) {
            p.add("/systemd/eventTimeout", "must be positive");
        }
        Integer childrenMax = systemd.childrenMax() == null ? null
                : p.integer("/systemd/childrenMax", systemd.childrenMax(), 1, 1, 65_536);

        MachineSpec machine = m.machine() == null ? new MachineSpec(null, null) : m.machine();
        int cpus = p.integer("/machine/cpus", machine.cpus(), 1, 1, 8192);
        long memory = p.size("/machine/memory", machine.memory(), 1L << 30, 1L << 20, 1L << 50);

        FirmwarePlan firmware = firmware(m.firmware(), p);
        Map<String, Integer> driverIndex = new HashMap<>();
        List<DriverPlan> drivers = drivers(m.drivers(), driverIndex, p);
        Set<Integer> registered = new HashSet<>();
        List<InitcallPlan> initcalls = initcalls(m.initcalls(), driverIndex, registered, p);
        List<ModulePlan> modules = new ModuleReader(p, driverIndex, registered).read(m.modules());
        var devices = new DeviceReader(p, driverIndex).read(m.devices());

        if (kernel != null && Boolean.FALSE.equals(kernel.modulesEnabled()) && !m.modules().isEmpty()) {
            p.add("/modules", "the kernel is built without module support (modulesEnabled: false) but the plan lists "
                    + m.modules().size() + " module(s)");
        }
        UserspaceSpec userspace = m.userspace() == null ? UserspaceSpec.none() : m.userspace();
        UserspaceTimes userspaceTimes = new UserspaceTimes(
                p.duration("/userspace/initrdStartup", userspace.initrdStartup(), 0, HOUR_US),
                p.duration("/userspace/rootSwitch", userspace.rootSwitch(), 0, HOUR_US),
                p.duration("/userspace/rootStartup", userspace.rootStartup(), 0, HOUR_US));
        for (int i = 0; i < userspace.expectsSyncProbe().size(); i++) {
            String d = userspace.expectsSyncProbe().get(i);
            if (!driverIndex.containsKey(d)) {
                p.add("/userspace/expectsSyncProbe/" + i, "unknown driver \"" + Problems.abbreviate(String.valueOf(d)) + "\"");
            }
        }
        var loads = new ModuleLoadReader(p, modules).read(userspace.moduleLoads());
        modules = withLoadOptions(modules, loads.options());
        if (userspace.rootDevice() != null && devices.stream().noneMatch(d -> d.name().equals(userspace.rootDevice()))) {
            p.add("/userspace/rootDevice", "unknown device \"" + Problems.abbreviate(userspace.rootDevice()) + "\"");
        }
        p.throwIfAny();
        return new Plan(
                m.name() == null ? "unnamed" : m.name(),
                version,
                kernel.cmdline(),
                !Boolean.FALSE.equals(kernel.modulesEnabled()),
                initramfsPresent,
                unpackUs,
                earlyBootUs,
                handoverUs,
                systemdVersion,
                eventTimeout,
                childrenMax,
                cpus,
                memory,
                firmware,
                initcalls,
                modules,
                drivers,
                devices,
                Set.copyOf(userspace.expectsSyncProbe()),
                userspace.rootDevice(),
                userspaceTimes,
                !Boolean.FALSE.equals(userspace.udev()),
                loads.loads());
    }

    /** A module is loaded once: the options its by-name load passes join its modprobe.d options. */
    private static List<ModulePlan> withLoadOptions(List<ModulePlan> modules, Map<Integer, String> options) {
        if (options.isEmpty()) {
            return modules;
        }
        List<ModulePlan> out = new ArrayList<>(modules);
        options.forEach((m, o) -> {
            ModulePlan mp = out.get(m);
            String merged = mp.options().isBlank() ? o : mp.options() + " " + o;
            out.set(m, new ModulePlan(mp.name(), mp.initUs(), mp.loadUs(), mp.dependsOn(), merged, mp.inInitramfs(),
                    mp.drivers(), mp.loadCpu()));
        });
        return out;
    }

    private void checkCounts(Manifest m, Problems p) {
        long devices = 0;
        for (DeviceSpec d : m.devices()) {
            devices += d == null || d.count() == null ? 1 : Math.max(1, d.count());
        }
        if (devices > limits.maxDevices()) {
            p.add("/devices", "the plan has " + devices + " devices (counts expanded); the limit is " + limits.maxDevices());
        }
        if (m.modules().size() > limits.maxModules()) {
            p.add("/modules", "the plan has " + m.modules().size() + " modules; the limit is " + limits.maxModules());
        }
        if (m.drivers().size() > limits.maxDrivers()) {
            p.add("/drivers", "the plan has " + m.drivers().size() + " drivers; the limit is " + limits.maxDrivers());
        }
        if (m.initcalls().size() > limits.maxInitcalls()) {
            p.add("/initcalls", "the plan has " + m.initcalls().size() + " initcalls; the limit is " + limits.maxInitcalls());
        }
    }

    private static FirmwarePlan firmware(FirmwareSpec f, Problems p) {
        if (f == null) {
            return FirmwarePlan.none();
        }
        long timeout = p.duration("/firmware/fallbackTimeout", f.fallbackTimeout(), 60_000_000L, DAY_US);
        if (timeout == 0 && Boolean.TRUE.equals(f.fallbackForced())) {
            p.add("/firmware/fallbackTimeout", "0 means the forced fallback waits forever; a boot that never ends cannot "
                    + "be simulated, give the wait a length");
        }
        return new FirmwarePlan(
                Set.copyOf(f.builtin()), Set.copyOf(f.initramfs()), Set.copyOf(f.rootfs()),
                Boolean.TRUE.equals(f.fallbackForced()), timeout);
    }

    private static List<DriverPlan> drivers(List<DriverSpec> specs, Map<String, Integer> index, Problems p) {
        List<DriverPlan> out = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            String at = "/drivers/" + i;
            DriverSpec d = specs.get(i);
            if (d == null) {
                p.add(at, "must be an object");
                continue;
            }
            if (!p.requireName(at + "/name", d.name(), "a driver")) {
                continue;
            }
            if (index.putIfAbsent(d.name(), out.size()) != null) {
                p.add(at + "/name", "duplicate driver name \"" + d.name() + "\"");
                continue;
            }
            ProbeType type = p.choice(at + "/probeType", d.probeType(), ProbeType.DEFAULT, ProbeType.class, ProbeType::wireName);
            out.add(new DriverPlan(d.name(), type, Boolean.TRUE.equals(d.asyncUnsafe()),
                    d.firmware().stream().filter(java.util.Objects::nonNull).toList(), Boolean.TRUE.equals(d.giveUpOnDeferTimeout()),
                    Boolean.TRUE.equals(d.probeLock())));
        }
        return out;
    }

    private static List<InitcallPlan> initcalls(
            List<InitcallSpec> specs, Map<String, Integer> drivers, Set<Integer> registered, Problems p) {
        List<InitcallPlan> out = new ArrayList<>(specs.size());
        int deferredSeen = 0;
        for (int i = 0; i < specs.size(); i++) {
            String at = "/initcalls/" + i;
            InitcallSpec c = specs.get(i);
            if (c == null) {
                p.add(at, "must be an object");
                continue;
            }
            // Function names repeat in real kernels (phy_module_init ×5 on a Raspberry Pi): not an error.
            p.requireName(at + "/name", c.name(), "an initcall");
            Level level = c.level() == null ? null : p.choice(at + "/level", c.level(), null, Level.class, Level::wireName);
            if (c.level() == null) {
                p.add(at + "/level", "the initcall level is required: one of " + java.util.Arrays.stream(Level.values())
                        .map(Level::wireName).collect(Collectors.joining(", ")));
            }
            long us = p.duration(at + "/duration", c.duration(), 0, HOUR_US);
            if (DEFERRED_PROBE_INITCALL.equals(c.name())) {
                deferredProbeInitcall(c, level, at, deferredSeen++, p);
            }
            List<Integer> regs = DriverRefs.resolve(c.drivers(), at + "/drivers", drivers, registered, p);
            out.add(new InitcallPlan(c.name(), level == null ? Level.DEVICE : level, us, regs));
        }
        return out;
    }

    /** dd.c's own late initcall: a plan may say where it runs among the late ones, once, and it registers nothing. */
    private static void deferredProbeInitcall(InitcallSpec c, Level level, String at, int seenBefore, Problems p) {
        if (level != null && level != Level.LATE) {
            p.add(at + "/level", "deferred_probe_initcall is a late initcall (drivers/base/dd.c); it cannot run at "
                    + level.wireName());
        }
        if (!c.drivers().isEmpty()) {
            p.add(at + "/drivers", "deferred_probe_initcall registers no drivers; it retries deferred devices");
        }
        if (seenBefore > 0) {
            p.add(at + "/name", "deferred_probe_initcall is listed more than once");
        }
    }
}
