package dev.bootplan.engine;

import dev.bootplan.engine.plan.DriverPlan;
import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.Severity;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the async knobs from the command line and module options for the plan's kernel, and says which do nothing. */
final class KnobReader {

    /** drivers/base/dd.c: strscpy(async_probe_drv_names, buf, ASYNC_DRV_NAMES_MAX_LEN = 256) keeps 255 characters. */
    static final int DRIVER_LIST_KEPT = 255;

    private KnobReader() {}

    static Knobs read(Plan plan, Findings findings) {
        var version = plan.kernel();
        CommandLine cmd = CommandLine.parse(plan.cmdline());
        boolean exists = version.compareTo(Knobs.ASYNC_PROBING) >= 0;
        boolean modern = version.compareTo(Knobs.BOOL_ASYNC_PROBE) >= 0;

        Boolean moduleDefault = null;
        String moduleKnob = cmd.last("module.async_probe");
        if (moduleKnob != null) {
            if (modern) {
                // module_param(async_probe, bool): a bare flag means true; an unparsable value is rejected.
                moduleDefault = moduleKnob.isEmpty() ? Boolean.TRUE : KernelBool.parse(moduleKnob);
                if (moduleDefault == null) {
                    ineffective(findings, "module.async_probe", "module.async_probe=" + moduleKnob
                            + " is not a boolean; the kernel rejects it and modules keep their default.",
                            "Write module.async_probe=1 or module.async_probe=0.");
                }
            } else {
                ineffective(findings, "module.async_probe", "module.async_probe= does not exist before v6.0; kernel "
                        + version + " treats it as a parameter of a module called \"module\" and ignores it.",
                        "Use <module>.async_probe per module (options in modprobe.d) on this kernel.");
            }
        }

        List<String> names = null;
        boolean wildcard = false;
        String list = cmd.last("driver_async_probe");
        if (list != null) {
            if (version.compareTo(Knobs.PER_DEVICE_ASYNC) < 0) {
                ineffective(findings, "driver_async_probe", "driver_async_probe= exists from v5.1; kernel " + version
                        + " ignores it.", "Use <module>.async_probe for modular drivers, or a newer kernel.");
            } else {
                String kept = list;
                if (list.length() > DRIVER_LIST_KEPT) {
                    kept = list.substring(0, DRIVER_LIST_KEPT);
                    List<String> dropped = droppedNames(list, kept);
                    ineffective(findings, "driver_async_probe", "driver_async_probe= is " + list.length()
                            + " characters; the kernel keeps the first " + DRIVER_LIST_KEPT + " (\"Too long list of driver "
                            + "names\") and loses " + String.join(", ", dropped) + ".",
                            "Shorten the list (driver names, not module names) or use <module>.async_probe for modules.");
                }
                names = Arrays.stream(kept.split(",")).filter(s -> !s.isEmpty()).toList();
                if (names.contains("*")) {
                    if (modern) {
                        wildcard = true;
                    } else {
                        ineffective(findings, "driver_async_probe", "'*' in driver_async_probe= means \"every driver\" "
                                + "only from v6.0; on kernel " + version + " it is a driver name that matches nothing.",
                                "List the driver names explicitly on this kernel.");
                    }
                }
            }
        }
        if (!exists && (moduleKnob != null || list != null || anyModuleAsyncProbe(plan, cmd))) {
            ineffective(findings, "async_probe", "kernel " + version + " has no asynchronous probing (added in v4.2): "
                    + "every async knob is ignored and every probe is synchronous.", "Upgrade to v4.2 or later.");
        }
        Knobs knobs = new Knobs(version, moduleDefault, names, wildcard, cmd);
        if (exists) {
            checkModuleOptions(plan, knobs, findings, modern);
            checkDriverNames(plan, knobs, findings);
        }
        return knobs;
    }

    private static boolean anyModuleAsyncProbe(Plan plan, CommandLine cmd) {
        return cmd.params().stream().anyMatch(p -> p.key().endsWith(".async_probe"))
                || plan.modules().stream().anyMatch(m -> m.options().contains("async_probe"));
    }

    private static void checkModuleOptions(Plan plan, Knobs knobs, Findings findings, boolean modern) {
        if (modern) {
            return;
        }
        for (ModulePlan m : plan.modules()) {
            for (String v : knobs.asyncProbeValues(m)) {
                Boolean b = KernelBool.parse(v);
                if (Boolean.FALSE.equals(b)) {
                    ineffective(findings, m.name(), m.name() + ".async_probe=" + v + " ENABLES async probing on kernel "
                            + knobs.version() + ": before v6.0 any value of async_probe turns it on.",
                            "Remove the async_probe option from " + m.name() + " to keep it synchronous.");
                }
            }
        }
    }

    private static void checkDriverNames(Plan plan, Knobs knobs, Findings findings) {
        if (knobs.driverNames() == null) {
            return;
        }
        Set<String> drivers = new HashSet<>();
        for (DriverPlan d : plan.drivers()) {
            drivers.add(d.name());
        }
        for (String name : knobs.driverNames()) {
            if (name.equals("*") || drivers.contains(name)) {
                continue;
            }
            boolean isModule = plan.modules().stream().anyMatch(m -> m.name().equals(name.replace('-', '_')));
            if (isModule || name.endsWith("_mod")) {
                ineffective(findings, name, "driver_async_probe= matches driver names (drv->name), not module names: \""
                        + name + "\" looks like a module and matches no driver.",
                        "Name the module's driver (e.g. sd, not sd_mod), or use " + name + ".async_probe.");
            } else {
                findings.add(FindingCode.KNOB_INEFFECTIVE, Severity.info, name, null,
                        "driver_async_probe= names \"" + name + "\", which matches no driver of this plan.",
                        "Check the spelling against drv->name (/sys/bus/*/drivers/).");
            }
        }
        for (DriverPlan d : plan.drivers()) {
            if (knobs.driverNames().contains(d.name()) && d.probeType() == dev.bootplan.engine.plan.ProbeType.FORCE_SYNC
                    && !knobs.wildcard()) {
                ineffective(findings, d.name(), "driver_async_probe= names " + d.name()
                        + ", which is PROBE_FORCE_SYNCHRONOUS: no knob overrides that.", "Drop it from the list.");
            }
        }
    }

    private static List<String> droppedNames(String full, String kept) {
        List<String> all = Arrays.asList(full.split(","));
        Set<String> keptWhole = new HashSet<>(Arrays.asList(kept.split(",")));
        if (!kept.endsWith(",") && !full.startsWith(kept + ",")) {
            keptWhole.remove(kept.substring(kept.lastIndexOf(',') + 1)); // a name cut in the middle
        }
        return all.stream().filter(n -> !n.isEmpty() && !keptWhole.contains(n)).toList();
    }

    private static void ineffective(Findings f, String subject, String message, String remedy) {
        f.add(FindingCode.KNOB_INEFFECTIVE, Severity.warning, subject, null, message, remedy);
    }
}
