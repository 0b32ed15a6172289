package dev.bootplan.ingest.dmesg;

import static dev.bootplan.ingest.dmesg.DmesgIssueKind.NOT_PLACED;

import dev.bootplan.ingest.Issues;
import dev.bootplan.manifest.DeviceSpec;
import dev.bootplan.manifest.DriverSpec;
import dev.bootplan.manifest.InitcallSpec;
import dev.bootplan.manifest.KernelSpec;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ManifestInvalidException;
import dev.bootplan.manifest.ManifestLimits;
import dev.bootplan.manifest.ManifestNormalizer;
import dev.bootplan.manifest.ModuleLoadSpec;
import dev.bootplan.manifest.ModuleSpec;
import dev.bootplan.manifest.UserspaceSpec;
import dev.bootplan.manifest.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last step of an import: the plan goes through the evaluator's own validation, and whatever it refuses is taken
 * out of the plan and said, as an issue at the log line it came from (a log with two boots in it lists
 * deferred_probe_initcall twice; a corrupt line can name a module twice). The rest of the plan stays, so every plan an
 * import returns is one {@code /api/v1/evaluations} accepts, or the issues say why not (a plan over the size limits).
 */
final class PlanCheck {

    /** Each removal can orphan references (a driver's devices, a module's dependants): a few rounds settle them. */
    private static final int ROUNDS = 4;
    private static final Pattern ELEMENT = Pattern.compile("^/(initcalls|modules|devices|drivers)/(\\d+)(/.*)?$");
    private static final Pattern LOAD = Pattern.compile("^/userspace/moduleLoads/(\\d+)(/.*)?$");

    /** Source lines of the plan's elements, parallel to its lists. */
    record Lines(List<Integer> initcalls, List<Integer> modules, List<Integer> devices, List<Integer> drivers) {}

    private PlanCheck() {}

    static Manifest accepted(Manifest m, Lines lines, ManifestLimits limits, Issues issues) {
        Manifest plan = m;
        Lines at = lines;
        for (int round = 0; round < ROUNDS; round++) {
            List<Violation> violations;
            try {
                new ManifestNormalizer(limits).normalize(plan);
                return plan;
            } catch (ManifestInvalidException e) {
                violations = e.violations();
            }
            Removal r = new Removal();
            for (Violation v : violations) {
                if (!r.take(v, plan, at, issues)) {
                    issues.add(0, 0, NOT_PLACED, "the plan cannot hold what the log shows: " + v.pointer() + " " + v.message());
                    return plan;
                }
            }
            Lines[] kept = new Lines[1];
            plan = r.apply(plan, at, issues, kept);
            at = kept[0];
        }
        return plan;
    }

    /** What one round takes out, by index. */
    private static final class Removal {
        final Set<Integer> initcalls = new TreeSet<>();
        final Set<Integer> modules = new TreeSet<>();
        final Set<Integer> devices = new TreeSet<>();
        final Set<Integer> drivers = new TreeSet<>();
        final Set<Integer> loads = new TreeSet<>();
        boolean dropRoot;
        boolean dropCmdline;

        boolean take(Violation v, Manifest m, Lines at, Issues issues) {
            Matcher e = ELEMENT.matcher(v.pointer());
            if (e.matches()) {
                int i = Integer.parseInt(e.group(2));
                String list = e.group(1);
                Set<Integer> into = switch (list) {
                    case "initcalls" -> initcalls;
                    case "modules" -> modules;
                    case "devices" -> devices;
                    default -> drivers;
                };
                List<Integer> lines = switch (list) {
                    case "initcalls" -> at.initcalls();
                    case "modules" -> at.modules();
                    case "devices" -> at.devices();
                    default -> at.drivers();
                };
                if (into.add(i)) {
                    int line = i < lines.size() ? lines.get(i) : 0;
                    issues.add(line, line == 0 ? 0 : 1, NOT_PLACED, name(m, list, i) + " is left out of the plan: "
                            + v.pointer() + " " + v.message());
                }
                return true;
            }
            Matcher l = LOAD.matcher(v.pointer());
            if (l.matches()) {
                loads.add(Integer.parseInt(l.group(1)));
                issues.add(0, 0, NOT_PLACED, "userspace load list " + l.group(1) + " is left out of the plan: " + v.pointer()
                        + " " + v.message());
                return true;
            }
            if (v.pointer().equals("/userspace/rootDevice")) {
                dropRoot = true;
                issues.add(0, 0, NOT_PLACED, "the root device is left out of the plan: " + v.message());
                return true;
            }
            if (v.pointer().equals("/kernel/cmdline")) {
                dropCmdline = true;
                issues.add(0, 0, NOT_PLACED, "the command line is left out of the plan: " + v.message());
                return true;
            }
            return false;
        }

        private static String name(Manifest m, String list, int i) {
            return switch (list) {
                case "initcalls" -> i < m.initcalls().size() ? "initcall " + m.initcalls().get(i).name() : "an initcall";
                case "modules" -> i < m.modules().size() ? "module " + m.modules().get(i).name() : "a module";
                case "devices" -> i < m.devices().size() ? "device " + m.devices().get(i).name() : "a device";
                default -> i < m.drivers().size() ? "driver " + m.drivers().get(i).name() : "a driver";
            };
        }

        Manifest apply(Manifest m, Lines at, Issues issues, Lines[] kept) {
            Set<String> goneDrivers = new HashSet<>();
            List<DriverSpec> drv = new ArrayList<>();
            List<Integer> drvLines = new ArrayList<>();
            for (int i = 0; i < m.drivers().size(); i++) {
                if (drivers.contains(i)) {
                    goneDrivers.add(m.drivers().get(i).name());
                } else {
                    drv.add(m.drivers().get(i));
                    drvLines.add(line(at.drivers(), i));
                }
            }
            List<InitcallSpec> calls = new ArrayList<>();
            List<Integer> callLines = new ArrayList<>();
            for (int i = 0; i < m.initcalls().size(); i++) {
                InitcallSpec c = m.initcalls().get(i);
                if (!initcalls.contains(i)) {
                    calls.add(new InitcallSpec(c.name(), c.level(), c.duration(), without(c.drivers(), goneDrivers)));
                    callLines.add(line(at.initcalls(), i));
                }
            }
            Set<String> goneModules = new HashSet<>();
            List<ModuleSpec> mods = new ArrayList<>();
            List<Integer> modLines = new ArrayList<>();
            for (int i = 0; i < m.modules().size(); i++) {
                if (modules.contains(i)) {
                    goneModules.add(m.modules().get(i).name());
                }
            }
            for (int i = 0; i < m.modules().size(); i++) {
                ModuleSpec s = m.modules().get(i);
                if (!modules.contains(i)) {
                    mods.add(new ModuleSpec(s.name(), s.init(), s.size(), s.loadTime(), s.loadCpuPercent(),
                            s.loadCpuPercentEstimated(), without(s.dependsOn(), goneModules), s.options(), s.inInitramfs(),
                            without(s.drivers(), goneDrivers)));
                    modLines.add(line(at.modules(), i));
                }
            }
            Set<String> goneDevices = new HashSet<>();
            for (int i = 0; i < m.devices().size(); i++) {
                DeviceSpec d = m.devices().get(i);
                if (devices.contains(i) || goneDrivers.contains(d.driver())) {
                    goneDevices.add(d.name());
                    if (!devices.contains(i)) {
                        issues.add(line(at.devices(), i), 1, NOT_PLACED, "device " + d.name() + " is left out of the plan:"
                                + " its driver " + d.driver() + " is");
                    }
                }
            }
            List<DeviceSpec> devs = new ArrayList<>();
            List<Integer> devLines = new ArrayList<>();
            for (int i = 0; i < m.devices().size(); i++) {
                DeviceSpec d = m.devices().get(i);
                if (goneDevices.contains(d.name())) {
                    continue;
                }
                boolean orphan = d.parent() != null && goneDevices.contains(d.parent());
                devs.add(new DeviceSpec(d.name(), d.driver(), d.probeTime(), d.count(), orphan ? null : d.parent(),
                        without(d.suppliers(), goneDevices), d.killable(), d.cpuPercent(), d.cpuPercentEstimated(),
                        d.asyncWork(), d.asyncWorkCpuPercent(), d.asyncWorkCpuPercentEstimated(), d.asyncWorkQueue(),
                        orphan ? null : d.discoveredAfter(), d.deferCost()));
                devLines.add(line(at.devices(), i));
            }
            UserspaceSpec u = m.userspace();
            if (u != null) {
                List<ModuleLoadSpec> lists = new ArrayList<>();
                for (int i = 0; i < u.moduleLoads().size(); i++) {
                    ModuleLoadSpec l = u.moduleLoads().get(i);
                    if (!loads.contains(i)) {
                        lists.add(new ModuleLoadSpec(l.by(), l.phase(), l.after(), l.concurrency(), l.interval(),
                                l.modules().stream().filter(e -> !goneModules.contains(e.name())).toList()));
                    }
                }
                String root = dropRoot || goneDevices.contains(u.rootDevice()) ? null : u.rootDevice();
                u = new UserspaceSpec(without(u.expectsSyncProbe(), goneDrivers), root, u.initrdStartup(), u.rootSwitch(),
                        u.rootStartup(), u.udev(), lists);
            }
            KernelSpec k = m.kernel();
            if (dropCmdline && k != null) {
                k = new KernelSpec(k.version(), null, k.modulesEnabled(), k.initramfs(), k.earlyBoot(), k.initHandover());
            }
            kept[0] = new Lines(callLines, modLines, devLines, drvLines);
            return new Manifest(m.name(), k, m.systemd(), m.machine(), m.firmware(), calls, mods, drv, devs, u);
        }

        private static int line(List<Integer> lines, int i) {
            return i < lines.size() ? lines.get(i) : 0;
        }

        private static List<String> without(List<String> names, Set<String> gone) {
            return gone.isEmpty() ? names : names.stream().filter(n -> !gone.contains(n)).toList();
        }
    }
}
