package dev.bootplan.manifest;

import dev.bootplan.engine.plan.ModuleLoadPlan;
import dev.bootplan.engine.plan.ModuleLoadPlan.Phase;
import dev.bootplan.engine.plan.ModulePlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads /userspace/moduleLoads: who loads which modules by name, when and how many at a time. A load's options
 * (insmod's arguments) join the module's own, since a module is loaded once.
 */
final class ModuleLoadReader {

    /** Who may load modules by name; the lane is named after it. */
    static final List<String> LOADERS = List.of("initramfs-script", "systemd-modules-load", "modprobe@", "systemd", "other");

    private final Problems p;
    private final Map<String, Integer> index = new HashMap<>();

    ModuleLoadReader(Problems p, List<ModulePlan> modules) {
        this.p = p;
        for (int i = 0; i < modules.size(); i++) {
            index.putIfAbsent(modules.get(i).name(), i);
        }
    }

    record Result(List<ModuleLoadPlan> loads, Map<Integer, String> options) {}

    Result read(List<ModuleLoadSpec> specs) {
        List<ModuleLoadPlan> loads = new ArrayList<>();
        Map<Integer, String> options = new HashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            String at = "/userspace/moduleLoads/" + i;
            ModuleLoadSpec s = specs.get(i);
            if (s == null) {
                p.add(at, "must be an object");
                continue;
            }
            String by = s.by();
            if (by == null || !LOADERS.contains(by)) {
                p.add(at + "/by", (by == null ? "who loads the modules is required" : "\"" + Problems.abbreviate(by)
                        + "\" is not a loader") + ": one of " + String.join(", ", LOADERS));
            }
            Phase phase = phase(at + "/phase", s.phase(), "initramfs-script".equals(by) ? Phase.INITRD : Phase.ROOTFS);
            boolean parallel = parallel(at + "/concurrency", s.concurrency(), "modprobe@".equals(by));
            long after = p.duration(at + "/after", s.after(), 0, ManifestNormalizer.HOUR_US);
            long interval = p.duration(at + "/interval", s.interval(), 0, ManifestNormalizer.HOUR_US);
            if (s.modules().isEmpty()) {
                p.add(at + "/modules", "name at least one module");
            }
            List<Integer> modules = new ArrayList<>();
            for (int j = 0; j < s.modules().size(); j++) {
                ModuleLoadSpec.Entry e = s.modules().get(j);
                String eat = at + "/modules/" + j;
                if (e == null || e.name() == null) {
                    p.add(eat + "/name", "a module load needs the module's name");
                    continue;
                }
                Integer m = index.get(ModuleNames.canonical(e.name()));
                if (m == null) {
                    p.add(eat + "/name", "unknown module \"" + Problems.abbreviate(e.name()) + "\" (declare it under /modules)");
                    continue;
                }
                if (e.options() != null && e.options().length() > 1024) {
                    p.add(eat + "/options", "is longer than 1024 characters");
                } else if (e.options() != null && !e.options().isBlank()) {
                    options.merge(m, e.options().strip(), (a, b) -> a + " " + b);
                }
                modules.add(m);
            }
            if (by != null && LOADERS.contains(by)) {
                loads.add(new ModuleLoadPlan(by, phase, after, parallel, interval, modules));
            }
        }
        return new Result(loads, options);
    }

    private Phase phase(String at, String text, Phase fallback) {
        if (text == null) {
            return fallback;
        }
        return switch (text) {
            case "initrd" -> Phase.INITRD;
            case "rootfs" -> Phase.ROOTFS;
            default -> {
                p.add(at, "\"" + Problems.abbreviate(text) + "\" is not a phase: one of initrd, rootfs");
                yield fallback;
            }
        };
    }

    private boolean parallel(String at, String text, boolean fallback) {
        if (text == null) {
            return fallback;
        }
        return switch (text) {
            case "serial" -> false;
            case "parallel" -> true;
            default -> {
                p.add(at, "\"" + Problems.abbreviate(text) + "\" is not a concurrency: one of serial, parallel");
                yield fallback;
            }
        };
    }
}
