package dev.bootplan.ingest.modules;

import static dev.bootplan.ingest.modules.ModulesIssueKind.*;

import dev.bootplan.ingest.Issues;
import dev.bootplan.manifest.DeviceSpec;
import dev.bootplan.manifest.DriverSpec;
import dev.bootplan.manifest.InitcallSpec;
import dev.bootplan.manifest.ModuleSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the plan skeleton from the parsed metadata: every modules.dep module with its dependencies, every
 * built-in module as a device-level initcall {@code <module>_init} in modules.builtin (link) order, and every
 * device some module's alias matches ({@link DriverMatcher}), bound to a driver named after that module.
 */
final class SkeletonBuilder {

    /** The issue lists of the inputs, so that each issue names the file it is about. */
    record Sinks(Issues builtin, Issues modinfo, Issues devices) {}

    private final ModuleMetadataImport.Options options;
    private final Sinks sinks;
    private int unmatched;

    SkeletonBuilder(ModuleMetadataImport.Options options, Sinks sinks) {
        this.options = options;
        this.sinks = sinks;
    }

    Skeleton build(DepTable dep, BuiltinList builtins, BuiltinModinfo modinfo, AliasTable aliases, MachineDevices machine) {
        Map<String, DepTable.Module> loadable = dep.byName();
        Map<String, List<String>> builtinAliases = new LinkedHashMap<>();
        for (BuiltinList.Builtin b : builtins.modules()) {
            if (loadable.containsKey(b.name())) {
                sinks.builtin().add(b.line(), 1, BUILTIN_AND_LOADABLE, b.name() + " is also in modules.dep (line "
                        + loadable.get(b.name()).line() + "); the plan keeps it as a loadable module");
            } else {
                builtinAliases.put(b.name(), modinfo.aliases().getOrDefault(b.name(), List.of()));
            }
        }
        noteModinfoNotBuiltin(modinfo, builtinAliases.keySet());

        List<Bound> bound = bind(machine, new DriverMatcher(builtinAliases, aliases));
        Set<String> drivers = new LinkedHashSet<>();
        bound.forEach(b -> drivers.add(b.module()));

        List<InitcallSpec> initcalls = new ArrayList<>(builtinAliases.size());
        for (String name : builtinAliases.keySet()) {
            initcalls.add(new InitcallSpec(name + "_init", "device", Skeleton.us(options.builtinInitcallUs()),
                    drivers.contains(name) ? List.of(name) : List.of()));
        }
        List<ModuleSpec> modules = new ArrayList<>(dep.modules().size());
        for (DepTable.Module m : dep.modules()) {
            modules.add(new ModuleSpec(m.name(), Skeleton.us(options.moduleInitUs()), null, Skeleton.us(options.moduleLoadUs()),
                    m.dependsOn(), null, null, drivers.contains(m.name()) ? List.of(m.name()) : List.of()));
        }
        // The log never prints a driver's name (probe lines name only the device), so drivers are named after
        // their modules; probe types are unknown too, so every driver says "default".
        List<DriverSpec> driverSpecs = drivers.stream().map(d -> new DriverSpec(d, "default", null, null, null)).toList();
        List<DeviceSpec> devices = bound.stream()
                .map(b -> new DeviceSpec(b.name(), b.module(), Skeleton.us(options.probeUs()), null, b.parent(),
                        null, null, null, null, null))
                .toList();
        var tally = new Skeleton.Tally(builtinAliases.size(), builtinAliases.values().stream().mapToInt(List::size).sum(),
                (int) bound.stream().filter(Bound::builtin).count(), unmatched);
        return new Skeleton(initcalls, modules, driverSpecs, devices, null, tally);
    }

    /** A device the plan keeps: its name, module, whether that module is built in, and its parent's name. */
    private record Bound(String name, String module, boolean builtin, String parent) {}

    private List<Bound> bind(MachineDevices machine, DriverMatcher matcher) {
        List<MachineDevices.Device> all = machine.devices();
        DriverMatcher.Match[] matches = new DriverMatcher.Match[all.size()];
        Map<String, Integer> taken = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            MachineDevices.Device d = all.get(i);
            DriverMatcher.Match m = matcher.match(d.modalias());
            if (m == null) {
                sinks.devices().add(d.line(), 1, NO_DRIVER, d.name() + ": no built-in or loadable module has an alias"
                        + " matching " + Words.quote(d.modalias()) + "; left out of the plan");
                unmatched++;
                continue;
            }
            if (m.candidates() > 1) {
                sinks.devices().add(d.line(), 1, SEVERAL_MATCHES, severalMatches(d, m));
            }
            Integer first = taken.putIfAbsent(d.name(), i);
            if (first != null) {
                sinks.devices().add(d.line(), 1, DUPLICATE_DEVICE, d.name() + " is already a device of the plan (line "
                        + all.get(first).line() + "); this one (" + Words.quote(d.modalias()) + ") is left out");
                continue;
            }
            matches[i] = m;
        }
        List<Bound> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (matches[i] != null) {
                out.add(new Bound(all.get(i).name(), matches[i].module(), matches[i].builtin(), parent(all, matches, i)));
            }
        }
        return out;
    }

    /** The nearest listed ancestor that is in the plan: a left-out device never binds, so it cannot be waited for. */
    private String parent(List<MachineDevices.Device> all, DriverMatcher.Match[] kept, int i) {
        int listed = all.get(i).parent();
        int p = listed;
        while (p >= 0 && kept[p] == null) {
            p = all.get(p).parent();
        }
        if (listed >= 0 && p != listed) {
            MachineDevices.Device d = all.get(i);
            sinks.devices().add(d.line(), 1, PARENT_LEFT_OUT, d.name() + ": its parent " + all.get(listed).name()
                    + " (line " + all.get(listed).line() + ") is not in the plan; "
                    + (p < 0 ? "it has no parent in the plan" : "it hangs from " + all.get(p).name() + " instead"));
        }
        return p < 0 ? null : all.get(p).name();
    }

    private static String severalMatches(MachineDevices.Device d, DriverMatcher.Match m) {
        List<String> named = new ArrayList<>();
        m.builtinMatches().forEach(b -> named.add(b + " (built in)"));
        named.addAll(m.moduleMatches());
        String why = m.builtin()
                ? "built in: it binds the device at its initcall, before udev runs kmod; the plan loads none of the others"
                : "the first in modules.alias; kmod loads every one of them";
        return d.name() + ": " + Words.quote(d.modalias()) + " matches " + m.candidates() + " modules ("
                + names(named) + "); the plan binds it to " + m.module() + " (" + why + ")";
    }

    /** Modules with aliases in modules.builtin.modinfo that are not built in: their aliases are not used. */
    private void noteModinfoNotBuiltin(BuiltinModinfo modinfo, Set<String> builtins) {
        List<String> unused = modinfo.aliases().entrySet().stream()
                .filter(e -> !e.getValue().isEmpty() && !builtins.contains(e.getKey()))
                .map(Map.Entry::getKey)
                .toList();
        if (!unused.isEmpty()) {
            sinks.modinfo().add(0, 0, MODINFO_NOT_BUILTIN, unused.size() + " module(s) with aliases here are not built-in"
                    + " modules of modules.builtin (" + names(unused) + "); their aliases are not used");
        }
    }

    /** Up to ten names, then how many more. */
    static String names(List<String> names) {
        String shown = names.stream().limit(10).collect(Collectors.joining(", "));
        return names.size() <= 10 ? shown : shown + ", … " + (names.size() - 10) + " more";
    }
}
