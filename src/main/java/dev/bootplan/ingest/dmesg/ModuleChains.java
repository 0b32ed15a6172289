package dev.bootplan.ingest.dmesg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * modules.dep chains and load overheads as a log shows them. A udev worker loads a module's dependencies first,
 * one finit_module() after another, then the module itself (probe-model.md §4.2 step 2), so in one worker's PID
 * the inits of modules that bind nothing, right before the init of a module that binds a device, are its
 * dependencies. The time from the worker's previous init (or the coldplug's start) to a module's "calling" is its
 * load overhead: reading, checking and relocating the .ko. Loads outside a coldplug (systemd's own, PID 1's) keep
 * no overhead and no chain.
 */
final class ModuleChains {

    /** What one module init tells about its load: its overhead (µs) and the modules loaded right before it for it. */
    record Load(long overheadUs, List<String> dependsOn) {}

    private ModuleChains() {}

    /** By index into {@link BootLog#initcalls()}, for every finished module init in a coldplug. */
    static Map<Integer, Load> of(BootLog log, IntPredicate bindsDevices, UserspaceStartup.Startup startup) {
        Map<Integer, Load> out = new HashMap<>();
        Map<Integer, Long> lastEnd = new HashMap<>();
        Map<Integer, List<String>> pending = new HashMap<>();
        for (int i = 0; i < log.initcalls().size(); i++) {
            InitcallRun run = log.initcalls().get(i);
            if (run.builtin() || !run.finished() || run.pid() == 1) {
                continue;
            }
            Long coldplug = startup.coldplugAt(run.startUs());
            if (coldplug == null) {
                continue;
            }
            Long previous = lastEnd.get(run.pid());
            long from = previous == null || previous < coldplug ? coldplug : previous;
            List<String> before = pending.computeIfAbsent(run.pid(), k -> new ArrayList<>());
            if (previous != null && previous < coldplug) {
                before.clear(); // the same PID in the initrd was another worker
            }
            List<String> deps = List.of();
            if (bindsDevices.test(i)) {
                deps = List.copyOf(before);
                before.clear();
            } else if (!before.contains(run.module())) {
                before.add(run.module());
            }
            out.put(i, new Load(Math.max(0, run.startUs() - from), deps));
            lastEnd.put(run.pid(), run.endUs());
        }
        return out;
    }
}
