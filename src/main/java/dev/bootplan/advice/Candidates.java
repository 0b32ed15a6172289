package dev.bootplan.advice;

import dev.bootplan.engine.KnobReading;
import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.report.Finding;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.ModuleOutcome;
import dev.bootplan.report.Report;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The searched space, derived from the plan and its boot as written: per loaded module its async_probe, per built-in
 * driver of the default strategy its place in driver_async_probe=, udev's worker limit when events waited for a worker,
 * and rootwait / rootdelay= on a boot without an initramfs. A value is only offered when the kernel honours it (the
 * engine's own knob reading shows it in effect and reports nothing ineffective) and it makes no hazardous driver async.
 */
final class Candidates {

    /** Modules searched at most, the slowest loads first; the rest are counted as skipped. */
    static final int MAX_MODULES = 40;
    /** Built-in drivers searched at most, those with the most probe time first (the list holds 255 characters anyway). */
    static final int MAX_DRIVERS = 40;
    /** udevd caps children_max at 2048 (src/udev/udevd.c); the values tried, each about double the last. */
    static final int[] CHILDREN_MAX = {16, 32, 64, 128, 256, 512, 1024, 2048};

    private final Plan plan;
    private final KnobReading reading;
    private final Edits edits;
    private final AsyncHazards hazards;
    private final List<String> skipped;
    private final Set<String> baselineIneffective = new HashSet<>();

    Candidates(Plan plan, KnobReading reading, Edits edits, AsyncHazards hazards, List<String> skipped) {
        this.plan = plan;
        this.reading = reading;
        this.edits = edits;
        this.hazards = hazards;
        this.skipped = skipped;
        for (Finding f : reading.findings()) {
            if (f.code() == FindingCode.KNOB_INEFFECTIVE) {
                baselineIneffective.add(f.message());
            }
        }
    }

    List<Coordinate> of(Report baseline) {
        List<Coordinate> out = new ArrayList<>();
        modules(baseline, out);
        drivers(out);
        childrenMax(baseline, out);
        root(out);
        return out;
    }

    private void modules(Report baseline, List<Coordinate> out) {
        List<Integer> loaded = new ArrayList<>();
        for (int m = 0; m < baseline.modules().size(); m++) {
            if (baseline.modules().get(m).loadStartUs() != null) {
                loaded.add(m);
            }
        }
        loaded.sort(Comparator.comparingLong((Integer m) -> -held(baseline.modules().get(m)))
                .thenComparing(m -> plan.modules().get(m).name()));
        int searched = 0;
        int pastCap = 0;
        Set<Integer> offered = new HashSet<>();
        for (int m : loaded) {
            ModulePlan mp = plan.modules().get(m);
            if (!writable(mp.name(), false)) {
                skipped.add("module \"" + mp.name() + "\": a name with spaces, quotes or '=' cannot be written in modprobe.d");
                continue;
            }
            boolean requested = reading.knobs().modulesAsyncProbe().contains(mp.name());
            List<String> risky = mp.drivers().stream().map(d -> plan.drivers().get(d))
                    .filter(d -> d.probeType() == ProbeType.DEFAULT && hazards.has(d.name())).map(d -> hazards.why(d.name()))
                    .toList();
            Edit edit;
            if (requested && !risky.isEmpty()) {
                edit = new Edit.ModuleAsync(m, false);
            } else if (!requested && risky.isEmpty()) {
                edit = new Edit.ModuleAsync(m, true);
            } else {
                if (!requested) {
                    skipped.add("options " + mp.name() + " async_probe=1: it would make " + String.join(", ", risky) + " async");
                }
                continue;
            }
            if (searched == MAX_MODULES) {
                pastCap++;
                continue;
            }
            if (honoured(edit, "options " + mp.name() + " async_probe")) {
                out.add(new Coordinate(mp.name() + ".async_probe: " + (requested ? "off" : "on"), List.of(edit)));
                searched++;
                if (!requested) {
                    offered.add(m);
                }
            }
        }
        if (pastCap > 0) {
            skipped.add(pastCap + " more module(s) past the " + MAX_MODULES + " slowest loads searched");
        }
        chains(loaded.stream().filter(offered::contains).toList(), offered, out);
    }

    /**
     * A module with its modules.dep chain, all on at once: one udev worker loads the chain in turn, and each load
     * without async_probe waits for every async item in the system, so a single module's line can free none of them.
     */
    private void chains(List<Integer> loaded, Set<Integer> offered, List<Coordinate> out) {
        for (int m : loaded) {
            List<Integer> chain = new ArrayList<>();
            collect(m, chain);
            List<Integer> on = chain.stream().filter(offered::contains).toList();
            if (on.size() >= 2 && on.contains(m)) {
                out.add(new Coordinate(plan.modules().get(m).name() + " and its modules.dep chain: async_probe on",
                        List.of(new Edit.ModuleChainAsync(on))));
            }
        }
    }

    /** The module's dependencies, deepest first, then the module: the order the worker loads them (no recursion). */
    private void collect(int m, List<Integer> out) {
        java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>();
        Set<Integer> seen = new HashSet<>();
        stack.push(new int[] {m, 0});
        seen.add(m);
        while (!stack.isEmpty()) {
            int[] top = stack.peek();
            List<Integer> deps = plan.modules().get(top[0]).dependsOn();
            if (top[1] < deps.size()) {
                int dep = deps.get(top[1]++);
                if (seen.add(dep)) {
                    stack.push(new int[] {dep, 0});
                }
            } else {
                out.add(stack.pop()[0]);
            }
        }
    }

    /** Whether a name can be written in a modprobe.d line or a command-line list as the kernel and kmod split them. */
    static boolean writable(String name, boolean inList) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '=' || (inList && c == ',') || c < 0x20) {
                return false;
            }
        }
        return true;
    }

    private static long held(ModuleOutcome m) {
        return m.loadEndUs() == null ? Long.MAX_VALUE / 2 : m.loadEndUs() - m.loadStartUs();
    }

    private void drivers(List<Coordinate> out) {
        int[] initcall = KnobReading.ownerInitcalls(plan);
        boolean[] hasDevices = new boolean[plan.drivers().size()];
        for (var d : plan.devices()) {
            hasDevices[d.driver()] = true;
        }
        long[] probeTime = new long[plan.drivers().size()];
        for (var dev : plan.devices()) {
            probeTime[dev.driver()] += dev.probeUs();
        }
        List<Integer> order = new ArrayList<>();
        for (int d = 0; d < plan.drivers().size(); d++) {
            order.add(d);
        }
        order.sort(Comparator.comparingLong((Integer d) -> -probeTime[d]).thenComparingInt(d -> d));
        var names = reading.knobs().driverAsyncProbe();
        int searched = 0;
        int pastCap = 0;
        for (int d : order) {
            var driver = plan.drivers().get(d);
            if (driver.probeType() != ProbeType.DEFAULT || !hasDevices[d]) {
                continue;
            }
            if (!writable(driver.name(), true)) {
                continue; // driver_async_probe= cannot name it: the kernel splits the list at commas, the line at spaces
            }
            boolean listed = names != null && (reading.knobs().driverAsyncProbeWildcard() != names.contains(driver.name()));
            boolean risky = hazards.has(driver.name());
            Edit edit;
            if (listed && risky) {
                edit = new Edit.DriverAsync(d, false);
            } else if (!listed && !risky && initcall[d] >= 0) {
                edit = new Edit.DriverAsync(d, true);
            } else {
                if (!listed && risky && initcall[d] >= 0) {
                    skipped.add("driver_async_probe=" + driver.name() + ": it would make " + hazards.why(driver.name()) + " async");
                }
                continue;
            }
            if (searched == MAX_DRIVERS) {
                pastCap++;
                continue;
            }
            if (honoured(edit, "driver_async_probe=" + driver.name())) {
                out.add(new Coordinate("driver_async_probe: " + driver.name() + (listed ? " out" : " in"), List.of(edit)));
                searched++;
            }
        }
        if (pastCap > 0) {
            skipped.add(pastCap + " more built-in driver(s) past the " + MAX_DRIVERS + " with the most probe time searched");
        }
    }

    private void childrenMax(Report baseline, List<Coordinate> out) {
        boolean saturated = baseline.warnings().stream().anyMatch(f -> f.code() == FindingCode.UDEV_WORKERS_SATURATED);
        if (!saturated) {
            return;
        }
        int current = reading.knobs().udevChildrenMax();
        List<Edit> values = new ArrayList<>();
        for (int v : CHILDREN_MAX) {
            if (v > current && values.size() < 3) {
                Edit e = new Edit.Param("udev.children_max", Integer.toString(v), List.of("rd.udev.children_max"));
                if (honoured(e, "udev.children_max=" + v)) {
                    values.add(e);
                }
            }
        }
        if (!values.isEmpty()) {
            out.add(new Coordinate("udev.children_max: " + values.stream().map(e -> ((Edit.Param) e).value()).toList(), values));
        }
    }

    private void root(List<Coordinate> out) {
        if (plan.initramfsPresent() || plan.rootDevice() == null) {
            return;
        }
        if (!reading.knobs().rootWait()) {
            Edit e = new Edit.Param("rootwait", null, List.of());
            if (honoured(e, "rootwait")) {
                out.add(new Coordinate("rootwait: on", List.of(e)));
            }
        }
        if (reading.knobs().rootDelayUs() > 0) {
            Edit e = new Edit.Drop("rootdelay");
            if (honoured(e, "rootdelay removed")) {
                out.add(new Coordinate("rootdelay: removed", List.of(e)));
            }
        }
    }

    /**
     * Whether the kernel and systemd honour the edit, by the engine's own reading: it changes the effective knobs and
     * the engine reports no knob that does nothing which the plan as written did not already have.
     */
    boolean honoured(Edit edit, String label) {
        KnobReading after = KnobReading.of(edits.apply(List.of(edit)));
        for (Finding f : after.findings()) {
            if (f.code() == FindingCode.KNOB_INEFFECTIVE && !baselineIneffective.contains(f.message())) {
                skipped.add(label + ": " + f.message());
                return false;
            }
        }
        if (after.knobs().equals(reading.knobs()) && after.initrdEventTimeoutUs() == reading.initrdEventTimeoutUs()) {
            skipped.add(label + ": this kernel and systemd read it as the plan already is");
            return false;
        }
        return true;
    }
}
