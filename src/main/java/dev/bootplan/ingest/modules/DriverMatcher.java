package dev.bootplan.ingest.modules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which module binds a device, decided as a boot decides it. A built-in driver registers at its initcall, before
 * userspace runs, and binds every device its id table matches (a modinfo alias is written from that table). So a
 * built-in module whose alias matches wins: when udev's coldplug later runs {@code kmod load $MODALIAS}
 * (80-drivers.rules) the device is already bound, and a loadable module kmod might also load for it finds
 * nothing left to bind. Otherwise kmod loads every module whose modules.alias pattern matches; the plan binds the
 * device to the first of them in file order.
 */
final class DriverMatcher {

    /** The module that binds a device, and every module that matched (built-in ones first), for the issue. */
    record Match(String module, boolean builtin, List<String> builtinMatches, List<String> moduleMatches) {
        int candidates() {
            return builtinMatches.size() + moduleMatches.size();
        }
    }

    private record Pattern(Glob glob, String module) {}

    private final List<Pattern> builtin = new ArrayList<>();
    private final List<Pattern> loadable = new ArrayList<>();

    /** {@code builtinAliases}: built-in module → its modinfo aliases, in modules.builtin order. */
    DriverMatcher(Map<String, List<String>> builtinAliases, AliasTable aliases) {
        builtinAliases.forEach((module, list) -> list.forEach(a -> builtin.add(new Pattern(Glob.compile(a), module))));
        aliases.aliases().forEach(a -> loadable.add(new Pattern(a.glob(), a.module())));
    }

    /** The module for a device with this modalias, or null when nothing matches. */
    Match match(String modalias) {
        String normalized = Glob.normalize(modalias);
        List<String> builtins = matching(builtin, normalized);
        List<String> modules = matching(loadable, normalized);
        if (!builtins.isEmpty()) {
            return new Match(builtins.getFirst(), true, builtins, modules);
        }
        if (!modules.isEmpty()) {
            return new Match(modules.getFirst(), false, builtins, modules);
        }
        return null;
    }

    /** Distinct module names whose patterns match, in pattern order. */
    private static List<String> matching(List<Pattern> patterns, String modalias) {
        Set<String> out = new LinkedHashSet<>();
        for (Pattern p : patterns) {
            if (p.glob().matches(modalias)) {
                out.add(p.module());
            }
        }
        return List.copyOf(out);
    }
}
