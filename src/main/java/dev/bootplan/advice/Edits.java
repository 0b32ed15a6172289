package dev.bootplan.advice;

import dev.bootplan.advice.AdviceLine.Removal;
import dev.bootplan.engine.KnobReading;
import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies edits to the plan as written, exactly as the lines they become would: a command-line fragment replaces every
 * earlier one with the same key (the kernel and systemd read the last), a modprobe.d line replaces the module's
 * async_probe options. The same rules write the lines, so a line applied by hand gives the plan the search simulated.
 */
final class Edits {

    static final String CMDLINE = "kernel-cmdline";
    static final String MODPROBE = "modprobe.d";
    static final String DRIVER_LIST = "driver_async_probe";

    private final Plan plan;
    private final KnobReading reading;

    Edits(Plan plan, KnobReading reading) {
        this.plan = plan;
        this.reading = reading;
    }

    Plan apply(List<Edit> edits) {
        if (edits.isEmpty()) {
            return plan;
        }
        List<String> tokens = new ArrayList<>(tokens(plan.cmdline()));
        List<ModulePlan> modules = new ArrayList<>(plan.modules());
        List<Edit.DriverAsync> drivers = new ArrayList<>();
        for (Edit e : atomic(edits)) {
            switch (e) {
                case Edit.ModuleChainAsync c -> throw new IllegalStateException("expanded by atomic()");
                case Edit.ModuleAsync m -> {
                    ModulePlan mp = modules.get(m.module());
                    tokens.removeAll(moduleCmdlineTokens(mp.name()));
                    String opts = String.join(" ", withoutAsyncProbe(mp.options()));
                    String set = moduleValue(m.on());
                    if (set != null) {
                        opts = opts.isEmpty() ? set : opts + " " + set;
                    }
                    modules.set(m.module(), new ModulePlan(mp.name(), mp.initUs(), mp.loadUs(), mp.dependsOn(), opts,
                            mp.inInitramfs(), mp.drivers(), mp.loadCpu()));
                }
                case Edit.DriverAsync d -> drivers.add(d);
                case Edit.Param p -> {
                    tokens.removeIf(t -> key(t).equals(p.key()) || p.alsoRemoves().contains(key(t)));
                    tokens.add(p.text());
                }
                case Edit.Drop d -> tokens.removeIf(t -> key(t).equals(d.key()));
            }
        }
        if (!drivers.isEmpty()) {
            tokens.removeIf(t -> key(t).equals(DRIVER_LIST));
            String list = driverList(drivers);
            if (list != null) {
                tokens.add(list);
            }
        }
        return Plans.with(plan, String.join(" ", tokens), modules);
    }

    /** The edits with every chain expanded into its modules' own edits, each module once, in the order first met. */
    static List<Edit> atomic(List<Edit> edits) {
        List<Edit> out = new ArrayList<>();
        for (Edit e : edits) {
            if (e instanceof Edit.ModuleChainAsync c) {
                for (int m : c.modules()) {
                    Edit one = new Edit.ModuleAsync(m, true);
                    if (!out.contains(one)) {
                        out.add(one);
                    }
                }
            } else if (!out.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Whether the edits' driver_async_probe= list fits in the 255 characters the kernel keeps (drivers/base/dd.c). */
    boolean fits(List<Edit> edits) {
        List<Edit.DriverAsync> drivers = edits.stream().filter(e -> e instanceof Edit.DriverAsync).map(e -> (Edit.DriverAsync) e)
                .toList();
        if (drivers.isEmpty()) {
            return true;
        }
        String list = driverList(drivers);
        return list == null || list.length() - DRIVER_LIST.length() - 1 <= 255;
    }

    /** The value a module's line sets: async_probe=1 to turn it on; to turn it off, =0 only while module.async_probe=1 would keep it on. */
    String moduleValue(boolean on) {
        if (on) {
            return "async_probe=1";
        }
        return Boolean.TRUE.equals(reading.knobs().moduleAsyncProbe()) ? "async_probe=0" : null;
    }

    /** The driver_async_probe= fragment after the edits, null when no name is left. */
    String driverList(List<Edit.DriverAsync> edits) {
        Set<String> names = new LinkedHashSet<>(keptDriverNames());
        List<Edit.DriverAsync> inPlanOrder = new ArrayList<>(edits);
        inPlanOrder.sort(java.util.Comparator.comparingInt(Edit.DriverAsync::driver)); // the list reads in the plan's order
        for (Edit.DriverAsync d : inPlanOrder) {
            String name = plan.drivers().get(d.driver()).name();
            if (d.in()) {
                names.add(name);
            } else {
                names.remove(name);
            }
        }
        if (reading.knobs().driverAsyncProbeWildcard()) {
            names.remove("*");
            return "driver_async_probe=*" + (names.isEmpty() ? "" : "," + String.join(",", names));
        }
        return names.isEmpty() ? null : DRIVER_LIST + "=" + String.join(",", names);
    }

    /**
     * The names of the plan's driver_async_probe= that are worth keeping: all but those the engine says do nothing on
     * this kernel (a module's name, a PROBE_FORCE_SYNCHRONOUS driver). A name the plan does not know is kept: the
     * machine may have that driver.
     */
    private List<String> keptDriverNames() {
        List<String> names = reading.knobs().driverAsyncProbe();
        if (names == null) {
            return List.of();
        }
        Set<String> useless = new LinkedHashSet<>();
        reading.findings().stream()
                .filter(f -> f.code() == FindingCode.KNOB_INEFFECTIVE && f.severity() == Severity.warning)
                .forEach(f -> useless.add(f.subject()));
        for (var d : plan.drivers()) {
            if (d.probeType() == ProbeType.FORCE_SYNC) {
                useless.add(d.name());
            }
        }
        List<String> kept = new ArrayList<>();
        for (String n : names) {
            if (!useless.contains(n) || n.equals("*")) {
                kept.add(n);
            }
        }
        return kept;
    }

    /** What the line for these edits takes out of the plan as written. */
    List<Removal> removals(Edit e) {
        List<Removal> out = new ArrayList<>();
        switch (e) {
            case Edit.ModuleAsync m -> {
                ModulePlan mp = plan.modules().get(m.module());
                for (String t : moduleCmdlineTokens(mp.name())) {
                    out.add(new Removal(CMDLINE, t));
                }
                for (String t : tokens(mp.options())) {
                    if (key(t).equals("async_probe")) {
                        out.add(new Removal(MODPROBE, "options " + mp.name() + " " + t));
                    }
                }
            }
            case Edit.ModuleChainAsync c -> throw new IllegalArgumentException("a chain is expanded before it is written");
            case Edit.DriverAsync d -> cmdlineTokens(DRIVER_LIST).forEach(t -> out.add(new Removal(CMDLINE, t)));
            case Edit.Param p -> {
                cmdlineTokens(p.key()).forEach(t -> out.add(new Removal(CMDLINE, t)));
                p.alsoRemoves().forEach(k -> cmdlineTokens(k).forEach(t -> out.add(new Removal(CMDLINE, t))));
            }
            case Edit.Drop d -> cmdlineTokens(d.key()).forEach(t -> out.add(new Removal(CMDLINE, t)));
        }
        return out;
    }

    List<String> cmdlineTokens(String key) {
        return tokens(plan.cmdline()).stream().filter(t -> key(t).equals(key)).toList();
    }

    private List<String> moduleCmdlineTokens(String module) {
        return tokens(plan.cmdline()).stream().filter(t -> {
            String k = key(t);
            int dot = k.indexOf('.');
            return dot > 0 && k.substring(dot + 1).equals("async_probe") && k.substring(0, dot).replace('-', '_').equals(module);
        }).toList();
    }

    private static List<String> withoutAsyncProbe(String options) {
        return tokens(options).stream().filter(t -> !key(t).equals("async_probe")).toList();
    }

    static List<String> tokens(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    static String key(String token) {
        int eq = token.indexOf('=');
        return eq < 0 ? token : token.substring(0, eq);
    }
}
