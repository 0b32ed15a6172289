package dev.bootplan.ingest.modules;

import static dev.bootplan.ingest.modules.ModulesIssueKind.*;

import dev.bootplan.engine.plan.Cycles;
import dev.bootplan.ingest.Issues;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * modules.dep as depmod writes it: one line per module, {@code path.ko: dep.ko dep.ko …}, the dependencies
 * being every module it needs, in the order modprobe loads them from the end. Modules keep the file's order
 * and their dependencies the line's order, both named as modprobe names them ({@link ModuleNames}).
 */
record DepTable(List<Module> modules) {

    /** One module: its canonical name, the path it was read from, its line, and its dependencies by name. */
    record Module(String name, String path, int line, List<String> dependsOn) {}

    /** One dependency entry as written: the module it names, its path, and where it stands. */
    private record Dep(String name, String path, int line, int column) {}

    DepTable {
        modules = List.copyOf(modules);
    }

    /**
     * Reads modules.dep. A line without ':' or whose module is not a .ko path is skipped; a module listed again
     * keeps its first line; a dependency that is not a .ko path, is the module itself, is listed twice, or has no
     * line of its own is dropped. Each is reported where it is; a dependency cycle is an error (modprobe loads
     * none of its modules, and the evaluation refuses the plan).
     */
    static DepTable read(Reader in, int maxChars, Issues issues) {
        record Raw(String name, String path, int line, List<Dep> deps) {}
        Map<String, Raw> byName = new LinkedHashMap<>();
        Records.eachLine(in, maxChars, issues, r -> {
            int colon = r.text().indexOf(':');
            if (colon < 0) {
                issues.add(r.line(), 1, MISSING_COLON, Words.quote(r.text().strip())
                        + " has no ':' after a module path; line skipped");
                return;
            }
            List<Words.Word> key = Words.of(r.text().substring(0, colon), 1);
            String name = key.size() == 1 ? ModuleNames.fromPath(key.getFirst().text()) : null;
            if (name == null) {
                int col = key.isEmpty() ? colon + 1 : key.getFirst().column();
                issues.add(r.line(), col, NOT_A_MODULE_PATH, Words.quote(r.text().substring(0, colon).strip())
                        + " is not a .ko path; line skipped");
                return;
            }
            Raw first = byName.get(name);
            if (first != null) {
                issues.add(r.line(), 1, DUPLICATE_MODULE, name + " is listed again (first on line " + first.line()
                        + "); this line is skipped");
                return;
            }
            List<Dep> deps = new ArrayList<>();
            for (Words.Word w : Words.of(r.text().substring(colon + 1), colon + 2)) {
                String dep = ModuleNames.fromPath(w.text());
                if (dep == null) {
                    issues.add(r.line(), w.column(), NOT_A_MODULE_PATH, "dependency " + Words.quote(w.text())
                            + " of " + name + " is not a .ko path; dropped");
                } else {
                    deps.add(new Dep(dep, w.text(), r.line(), w.column()));
                }
            }
            byName.put(name, new Raw(name, key.getFirst().text(), r.line(), deps));
        });

        // Dependencies are resolved once every line is known: depmod lists a module's lines in any order.
        List<Module> out = new ArrayList<>(byName.size());
        List<List<Dep>> kept = new ArrayList<>(byName.size());
        for (Raw raw : byName.values()) {
            List<String> deps = new ArrayList<>(raw.deps().size());
            List<Dep> keptDeps = new ArrayList<>(raw.deps().size());
            kept.add(keptDeps);
            Set<String> seen = new HashSet<>();
            for (Dep d : raw.deps()) {
                if (d.name().equals(raw.name())) {
                    issues.add(d.line(), d.column(), SELF_DEPENDENCY, raw.name() + " lists itself as a dependency; dropped");
                } else if (!seen.add(d.name())) {
                    issues.add(d.line(), d.column(), DUPLICATE_DEPENDENCY, raw.name() + " lists " + d.name()
                            + " twice; the second is dropped");
                } else if (!byName.containsKey(d.name())) {
                    issues.add(d.line(), d.column(), UNKNOWN_DEPENDENCY, raw.name() + " depends on " + d.name()
                            + " (" + d.path() + "), which has no line of its own; dropped, the plan cannot load it");
                } else {
                    deps.add(d.name());
                    keptDeps.add(d);
                }
            }
            out.add(new Module(raw.name(), raw.path(), raw.line(), deps));
        }
        reportCycles(out, kept, issues);
        if (out.isEmpty()) {
            issues.add(0, 0, NOTHING_TO_IMPORT, "no module line (path.ko: dependencies…) in the input; nothing to import");
        }
        return new DepTable(out);
    }

    /**
     * Each dependency cycle, reported at the entry of its first module that names the next one. depmod writes none
     * (it refuses them), so a cycle is a hand-made or damaged file; the modules on it cannot be loaded.
     */
    private static void reportCycles(List<Module> modules, List<List<Dep>> deps, Issues issues) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < modules.size(); i++) {
            index.put(modules.get(i).name(), i);
        }
        List<List<Integer>> edges = new ArrayList<>(modules.size());
        for (Module m : modules) {
            edges.add(m.dependsOn().stream().map(index::get).toList());
        }
        for (List<Integer> cycle : Cycles.find(edges)) {
            String next = modules.get(cycle.get(1)).name();
            Dep at = deps.get(cycle.getFirst()).stream().filter(d -> d.name().equals(next)).findFirst().orElseThrow();
            issues.add(at.line(), at.column(), DEPENDENCY_CYCLE, "dependency cycle "
                    + cycle.stream().map(k -> modules.get(k).name()).collect(Collectors.joining(" -> "))
                    + ": modprobe can load none of these modules, and /api/v1/evaluations refuses the plan; not imported");
        }
    }

    /** Modules by name, for lookups. */
    Map<String, Module> byName() {
        Map<String, Module> map = new HashMap<>();
        modules.forEach(m -> map.put(m.name(), m));
        return map;
    }
}
