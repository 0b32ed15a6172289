package dev.bootplan.manifest;

import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.Share;
import dev.bootplan.engine.plan.Cycles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads /modules: names unique as modprobe sees them, dependencies known and acyclic, load overhead from size. */
final class ModuleReader {

    // Load overhead measured on Debian's 6.1 kernel (probe-model.md §4.2 step 3.0): 4.8 ms + 0.16 ms per KiB.
    static final long LOAD_BASE_US = 4_800;
    static final long LOAD_PER_KIB_US = 160;

    private final Problems p;
    private final Map<String, Integer> drivers;
    private final Set<Integer> registered;

    ModuleReader(Problems p, Map<String, Integer> drivers, Set<Integer> registered) {
        this.p = p;
        this.drivers = drivers;
        this.registered = registered;
    }

    List<ModulePlan> read(List<ModuleSpec> specs) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            ModuleSpec s = specs.get(i);
            if (s == null) {
                p.add("/modules/" + i, "must be an object");
            } else if (p.requireName("/modules/" + i + "/name", s.name(), "a module")
                    && index.putIfAbsent(ModuleNames.canonical(s.name()), i) != null) {
                p.add("/modules/" + i + "/name", "duplicate module name \"" + s.name() + "\" ('-' and '_' are the same to modprobe)");
            }
        }
        List<List<Integer>> deps = new ArrayList<>(specs.size());
        List<ModulePlan> out = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            String at = "/modules/" + i;
            ModuleSpec s = specs.get(i);
            List<Integer> dependsOn = new ArrayList<>();
            deps.add(dependsOn);
            if (s == null) {
                continue;
            }
            long initUs = p.duration(at + "/init", s.init(), 0, ManifestNormalizer.HOUR_US);
            long sizeBytes = p.size(at + "/size", s.size(), 0, 0, 1L << 32);
            long loadUs = s.loadTime() != null
                    ? p.duration(at + "/loadTime", s.loadTime(), 0, ManifestNormalizer.HOUR_US)
                    : s.size() == null ? 0 : LOAD_BASE_US + LOAD_PER_KIB_US * sizeBytes / 1024;
            for (int j = 0; j < s.dependsOn().size(); j++) {
                String dep = s.dependsOn().get(j);
                Integer d = dep == null ? null : index.get(ModuleNames.canonical(dep));
                if (d == null) {
                    p.add(at + "/dependsOn/" + j, "unknown module \"" + Problems.abbreviate(String.valueOf(dep)) + "\"");
                } else if (d == i) {
                    p.add(at + "/dependsOn/" + j, "module \"" + s.name() + "\" depends on itself");
                } else {
                    dependsOn.add(d);
                }
            }
            if (s.options() != null && s.options().length() > 1024) {
                p.add(at + "/options", "is longer than 1024 characters");
            }
            List<Integer> regs = DriverRefs.resolve(s.drivers(), at + "/drivers", drivers, registered, p);
            String name = s.name() == null ? "" : ModuleNames.canonical(s.name());
            // kernel/module/main.c: load_module() runs in the caller of finit_module(), so 100 unless the plan says otherwise.
            Share loadCpu = new Share(p.integer(at + "/loadCpuPercent", s.loadCpuPercent(), 100, 0, 100),
                    !Boolean.TRUE.equals(s.loadCpuPercentEstimated()));
            out.add(new ModulePlan(name, initUs, loadUs, dependsOn, s.options(), Boolean.TRUE.equals(s.inInitramfs()), regs,
                    loadCpu));
        }
        for (List<Integer> cycle : Cycles.find(deps)) {
            p.add("/modules/" + cycle.getFirst() + "/dependsOn", "module dependency cycle: "
                    + cycle.stream().map(k -> specs.get(k).name()).collect(Collectors.joining(" -> ")));
        }
        return out;
    }
}
