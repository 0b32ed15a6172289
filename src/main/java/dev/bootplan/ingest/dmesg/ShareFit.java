package dev.bootplan.ingest.dmesg;

import dev.bootplan.manifest.DeviceSpec;
import dev.bootplan.manifest.KernelSpec;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ModuleSpec;
import dev.bootplan.report.Difference;
import dev.bootplan.report.PredictionCheck;
import dev.bootplan.report.Report;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Calibration from more boots of one machine. A log measures how long a probe took, never how much of it was CPU: a
 * busy-wait (udelay) and a sleep print the same. Booted again with other knobs (driver_async_probe=*, another
 * module.async_probe), the probes that then overlap show it: two probes that compute stretch each other on a shared CPU,
 * two that sleep do not. The plan built from the first log is replayed with each log's own command line, and each
 * driver's CPU share (its probes and the work they start) and the share of the loads by name are chosen, one after
 * another from the driver with the most probe time, to bring every replay closest to its log (least squares over the
 * devices' probe ends); a share is kept only where it does better than leaving it unknown. The search is bounded: at
 * most {@link #DRIVERS} drivers and the loads, each a grid of five values and a ternary search (about 15 replays of
 * every log each).
 */
public final class ShareFit {

    /** The drivers with the most probe time whose shares are fitted; the others stay unknown. */
    static final int DRIVERS = 6;
    /** The coarse grid's step (0, 25 … 100); a ternary search then narrows the best to the percent. */
    static final int COARSE = 25;
    /** The name the loads by name are fitted under. */
    public static final String LOADS = "(module loads)";

    /** One boot as the fitted plan replays it: its log's last device bound, and the replay's before and after the fit. */
    public record Boot(String source, String cmdline, Long observedUs, Long before, Long after) {}

    /** The fitted plan, the shares chosen (percent, by driver, and {@link #LOADS}), and every boot's replay. */
    public record Result(Manifest plan, Map<String, Integer> shares, List<Boot> boots, int simulations) {}

    private final Function<Manifest, Report> evaluate;
    private int simulations;

    /** {@code evaluate}: the replay, in the mode the machines booted in (async: each driver's own probe type). */
    public ShareFit(Function<Manifest, Report> evaluate) {
        this.evaluate = evaluate;
    }

    /** {@code plan}: built from {@code logs.get(0)}; every log is a boot of the same machine. */
    public Result fit(Manifest plan, List<BootLog> logs) {
        List<String> drivers = byProbeTime(plan);
        Map<String, Integer> shares = new LinkedHashMap<>();
        List<Long> before = new ArrayList<>();
        for (BootLog log : logs) {
            before.add(lastBound(check(plan, log)));
        }
        double unfitted = cost(plan, logs);
        for (String driver : drivers) {
            Manifest base = plan;
            Map<Integer, Double> tried = new HashMap<>();
            java.util.function.IntToDoubleFunction at = share -> tried.computeIfAbsent(share, k -> cost(apply(base, driver, k), logs));
            int best = 0;
            for (int share = 0; share <= 100; share += COARSE) {
                if (at.applyAsDouble(share) < at.applyAsDouble(best)) {
                    best = share;
                }
            }
            // The cost is taken to be unimodal near the best coarse value: a ternary search to the percent.
            int lo = Math.max(0, best - COARSE);
            int hi = Math.min(100, best + COARSE);
            while (hi - lo > 2) {
                int m1 = lo + (hi - lo) / 3;
                int m2 = hi - (hi - lo) / 3;
                if (at.applyAsDouble(m1) <= at.applyAsDouble(m2)) {
                    hi = m2;
                } else {
                    lo = m1;
                }
            }
            for (int share = lo; share <= hi; share++) {
                if (at.applyAsDouble(share) < at.applyAsDouble(best)) {
                    best = share;
                }
            }
            if (at.applyAsDouble(best) < unfitted) {
                unfitted = at.applyAsDouble(best);
                shares.put(driver, best);
                plan = apply(plan, driver, best);
            }
        }
        List<Boot> boots = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            BootLog log = logs.get(i);
            PredictionCheck after = check(plan, log);
            boots.add(new Boot(log.source(), log.cmdline(), observedLast(after), before.get(i), lastBound(after)));
        }
        return new Result(plan, shares, boots, simulations);
    }

    /** The drivers of the plan by their devices' probe and started work, most first, and the loads if any are by name. */
    private static List<String> byProbeTime(Manifest plan) {
        Map<String, Long> total = new HashMap<>();
        for (DeviceSpec d : plan.devices()) {
            total.merge(d.driver(), us(d.probeTime()) + us(d.asyncWork()), Long::sum);
        }
        List<String> out = new ArrayList<>(total.keySet());
        out.sort(Comparator.<String>comparingLong(total::get).reversed().thenComparing(Comparator.naturalOrder()));
        out = new ArrayList<>(out.subList(0, Math.min(DRIVERS, out.size())));
        if (plan.userspace() != null && !plan.userspace().moduleLoads().isEmpty()) {
            out.add(LOADS);
        }
        return out;
    }

    private double cost(Manifest plan, List<BootLog> logs) {
        double sum = 0;
        for (BootLog log : logs) {
            for (Difference d : check(plan, log).devices()) {
                if (d.differenceUs() != null) {
                    sum += (double) d.differenceUs() * d.differenceUs();
                }
            }
        }
        return sum;
    }

    private PredictionCheck check(Manifest plan, BootLog log) {
        simulations++;
        return PredictionVsLog.check(evaluate.apply(withCmdline(plan, log.cmdline())), log);
    }

    private static Long lastBound(PredictionCheck c) {
        return c.milestones().stream().filter(d -> d.subject().equals("lastDeviceBound")).map(Difference::predictedUs)
                .findFirst().orElse(null);
    }

    private static Long observedLast(PredictionCheck c) {
        return c.milestones().stream().filter(d -> d.subject().equals("lastDeviceBound")).map(Difference::observedUs)
                .findFirst().orElse(null);
    }

    /** The plan as booted with {@code cmdline} (the knobs of that boot); the plan's own when the log prints none. */
    static Manifest withCmdline(Manifest m, String cmdline) {
        if (cmdline == null || m.kernel() == null) {
            return m;
        }
        KernelSpec k = m.kernel();
        return new Manifest(m.name(), new KernelSpec(k.version(), cmdline, k.modulesEnabled(), k.initramfs(), k.earlyBoot(),
                k.initHandover()), m.systemd(), m.machine(), m.firmware(), m.initcalls(), m.modules(), m.drivers(), m.devices(),
                m.userspace());
    }

    /** {@code share} on every device of {@code driver} (its probes and their work), or on every load by name. */
    static Manifest apply(Manifest m, String driver, int share) {
        if (driver.equals(LOADS)) {
            java.util.Set<String> byName = new java.util.HashSet<>();
            m.userspace().moduleLoads().forEach(l -> l.modules().forEach(e -> byName.add(e.name())));
            List<ModuleSpec> modules = m.modules().stream().map(s -> !byName.contains(s.name()) ? s
                    : new ModuleSpec(s.name(), s.init(), s.size(), s.loadTime(), share, false, s.dependsOn(), s.options(),
                            s.inInitramfs(), s.drivers())).toList();
            return new Manifest(m.name(), m.kernel(), m.systemd(), m.machine(), m.firmware(), m.initcalls(), modules,
                    m.drivers(), m.devices(), m.userspace());
        }
        List<DeviceSpec> devices = m.devices().stream().map(d -> !d.driver().equals(driver) ? d
                : new DeviceSpec(d.name(), d.driver(), d.probeTime(), d.count(), d.parent(), d.suppliers(), d.killable(), share,
                        false, d.asyncWork(), d.asyncWork() == null ? null : share, d.asyncWork() == null ? null : false,
                        d.asyncWorkQueue(), d.discoveredAfter(), d.deferCost())).toList();
        return new Manifest(m.name(), m.kernel(), m.systemd(), m.machine(), m.firmware(), m.initcalls(), m.modules(), m.drivers(),
                devices, m.userspace());
    }

    /** "123us" as PlanFromLog writes durations; 0 for none. */
    private static long us(String d) {
        return d == null || !d.endsWith("us") ? 0 : Long.parseLong(d.substring(0, d.length() - 2));
    }
}
