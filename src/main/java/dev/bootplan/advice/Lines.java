package dev.bootplan.advice;

import dev.bootplan.advice.AdviceLine.Removal;
import dev.bootplan.engine.KnobReading;
import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.report.Finding;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the chosen edits into the lines to ship, each simulated alone against the plan as written, and adds a cleanup
 * line for every command-line knob the engine says does nothing on this kernel that no setting line already replaces.
 */
final class Lines {

    /** Command-line keys the engine reads whose ineffective values a cleanup line removes. */
    private static final Set<String> CLEANED = Set.of("module.async_probe", "rootwait", "fw_devlink", "deferred_probe_timeout",
            "rootdelay", "udev.event_timeout", "udev.children_max");

    private final Plan plan;
    private final KnobReading reading;
    private final Edits edits;
    private final Evaluator evaluator;
    private final Risks risks;
    private final Goal goal;
    private final Outcome before;

    Lines(Plan plan, KnobReading reading, Edits edits, Evaluator evaluator, Risks risks, Goal goal, Outcome before) {
        this.plan = plan;
        this.reading = reading;
        this.edits = edits;
        this.evaluator = evaluator;
        this.risks = risks;
        this.goal = goal;
        this.before = before;
    }

    private List<Edit> set = List.of();
    private DeferredTimeout.Recommendation deferred;
    private Outcome setOut;

    List<AdviceLine> build(List<Edit> chosen, Timeouts.Recommendation timeout, DeferredTimeout.Recommendation deferred) {
        this.deferred = deferred;
        this.set = List.copyOf(chosen);
        this.setOut = chosen.isEmpty() ? before : evaluator.outcome(chosen);
        List<AdviceLine> cmdline = new ArrayList<>();
        List<AdviceLine> modprobe = new ArrayList<>();
        List<Edit.DriverAsync> drivers = chosen.stream().filter(e -> e instanceof Edit.DriverAsync)
                .map(e -> (Edit.DriverAsync) e).toList();
        if (!drivers.isEmpty()) {
            cmdline.add(driverLine(drivers));
        }
        for (Edit e : chosen) {
            switch (e) {
                case Edit.ModuleAsync m -> modprobe.add(moduleLine(m));
                case Edit.Param p -> cmdline.add(paramLine(p, timeout));
                case Edit.Drop d -> cmdline.add(line(Edits.CMDLINE, null, d, d.key(), "setting",
                        d.key() + "= is taken off: the boot no longer sleeps " + ms(reading.knobs().rootDelayUs())
                                + " before mounting the root.", List.of(e), List.of(
                                "If the root device is slower than the plan says, the mount no longer waits for it; "
                                        + "rootwait covers that without a fixed sleep."), null));
                case Edit.DriverAsync d -> { }
                case Edit.ModuleChainAsync c -> throw new IllegalArgumentException("chains are expanded before lines are written");
            }
        }
        if (drivers.isEmpty()) {
            AdviceLine clean = driverCleanup();
            if (clean != null) {
                cmdline.add(clean);
            }
        }
        cmdline.addAll(cleanups(chosen));
        modprobe.sort(java.util.Comparator.comparing(AdviceLine::subject));
        List<AdviceLine> out = new ArrayList<>(cmdline);
        out.addAll(modprobe);
        return out;
    }

    private AdviceLine moduleLine(Edit.ModuleAsync m) {
        ModulePlan mp = plan.modules().get(m.module());
        String value = edits.moduleValue(m.on());
        String text = value == null ? null : "options " + mp.name() + " " + value;
        String reason = m.on()
                ? "finit_module(" + mp.name() + ") returns once its init has queued its probes, without waiting for them or "
                        + "for other modules' async work (kernel/module/main.c: do_init_module())."
                : "keeps " + mp.name() + "'s drivers synchronous: " + mp.drivers().stream()
                        .map(d -> plan.drivers().get(d).name()).toList() + " are unsafe to probe asynchronously.";
        return line(Edits.MODPROBE, text, m, mp.name(), "setting", reason, List.of(m), risks.ofModule(mp, m.on(), text), null);
    }

    private AdviceLine driverLine(List<Edit.DriverAsync> drivers) {
        String text = edits.driverList(drivers);
        List<String> added = drivers.stream().filter(Edit.DriverAsync::in).map(d -> plan.drivers().get(d.driver()).name()).toList();
        List<String> removed = drivers.stream().filter(d -> !d.in()).map(d -> plan.drivers().get(d.driver()).name()).toList();
        String reason = (added.isEmpty() ? "" : "probes built-in " + String.join(", ", added)
                + " on async workers while the later initcalls run (drivers/base/dd.c: driver_allows_async_probing()). ")
                + (removed.isEmpty() ? "" : "keeps " + String.join(", ", removed) + " synchronous: unsafe to probe asynchronously. ")
                + replacedNote();
        return line(Edits.CMDLINE, text, drivers.getFirst(), Edits.DRIVER_LIST, "setting", reason.strip(),
                List.copyOf(drivers), risks.ofDriverList(added, text), null);
    }

    private String replacedNote() {
        List<String> useless = ineffectiveDriverNames();
        return useless.isEmpty() ? "" : "It replaces the plan's list, dropping " + String.join(", ", useless)
                + ", which the kernel does not match (a module's name, or a PROBE_FORCE_SYNCHRONOUS driver).";
    }

    /** The plan's driver_async_probe= with what does nothing dropped, when the search changed no driver. */
    private AdviceLine driverCleanup() {
        List<String> useless = ineffectiveDriverNames();
        if (useless.isEmpty() || edits.cmdlineTokens(Edits.DRIVER_LIST).isEmpty()) {
            return null;
        }
        String text = edits.driverList(List.of());
        List<Removal> removes = edits.cmdlineTokens(Edits.DRIVER_LIST).stream().map(t -> new Removal(Edits.CMDLINE, t)).toList();
        Edit rewrite = text == null ? new Edit.Drop(Edits.DRIVER_LIST)
                : new Edit.Param(Edits.DRIVER_LIST, text.substring(Edits.DRIVER_LIST.length() + 1), List.of());
        Outcome alone = evaluator.outcome(List.of(rewrite));
        return new AdviceLine(Edits.CMDLINE, text, removes, Edits.DRIVER_LIST, "cleanup",
                String.join(", ", useless) + " in driver_async_probe= matches no driver on this kernel (it names a module "
                        + "or a PROBE_FORCE_SYNCHRONOUS driver): it does nothing, so it goes.",
                alone, gain(alone), 0, null, List.of(), null);
    }

    /** What the set's goal milestone loses without these edits. */
    private long inSet(List<Edit> line) {
        List<Edit> without = new ArrayList<>(set);
        without.removeAll(line);
        Outcome o = without.isEmpty() ? before : evaluator.outcome(without);
        if (o == null || setOut == null) {
            return 0;
        }
        return Score.gain(goal, o.milestones(), setOut.milestones());
    }

    /** The first milestone the set reaches later without these edits, with the loss; bound devices and hazards first. */
    private String helps(List<Edit> line) {
        List<Edit> without = new ArrayList<>(set);
        without.removeAll(line);
        Outcome o = without.isEmpty() ? before : evaluator.outcome(without);
        if (o == null || setOut == null) {
            return null;
        }
        if (o.bound() != setOut.bound()) {
            return "bound +" + (setOut.bound() - o.bound());
        }
        if (o.risksTaken() != setOut.risksTaken()) {
            return "risksTaken " + (setOut.risksTaken() - o.risksTaken());
        }
        List<Goal> order = new ArrayList<>(List.of(goal));
        for (Goal g : Goal.values()) {
            if (g != goal) {
                order.add(g);
            }
        }
        for (Goal g : order) {
            long gain = Score.gain(g, o.milestones(), setOut.milestones());
            if (gain != 0) {
                return g + " " + (gain > 0 ? "+" : "") + gain;
            }
        }
        return "none";
    }

    private List<String> ineffectiveDriverNames() {
        List<String> names = reading.knobs().driverAsyncProbe();
        if (names == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Finding f : reading.findings()) {
            if (f.code() == FindingCode.KNOB_INEFFECTIVE && f.severity() == Severity.warning && names.contains(f.subject())
                    && !out.contains(f.subject())) {
                out.add(f.subject());
            }
        }
        for (var d : plan.drivers()) {
            if (names.contains(d.name()) && d.probeType() == dev.bootplan.engine.plan.ProbeType.FORCE_SYNC
                    && !out.contains(d.name())) {
                out.add(d.name());
            }
        }
        return out;
    }

    /** A line for each command-line knob the engine reports ineffective that no setting line replaces. */
    private List<AdviceLine> cleanups(List<Edit> chosen) {
        List<AdviceLine> out = new ArrayList<>();
        for (Finding f : reading.findings()) {
            if (f.code() != FindingCode.KNOB_INEFFECTIVE || f.severity() != Severity.warning || !CLEANED.contains(f.subject())) {
                continue;
            }
            boolean replaced = chosen.stream().anyMatch(e -> e instanceof Edit.Param p
                    && (p.key().equals(f.subject()) || p.alsoRemoves().contains(f.subject())));
            if (replaced || out.stream().anyMatch(l -> l.subject().equals(f.subject()))) {
                continue;
            }
            Edit drop = new Edit.Drop(f.subject());
            Outcome alone = evaluator.outcome(List.of(drop));
            out.add(new AdviceLine(Edits.CMDLINE, null, edits.removals(drop), f.subject(), "cleanup",
                    f.message() + " It does nothing here, so it goes.", alone, gain(alone), 0, null, List.of(), null));
        }
        return out;
    }

    private AdviceLine paramLine(Edit.Param p, Timeouts.Recommendation timeout) {
        String reason;
        List<String> risk = new ArrayList<>();
        dev.bootplan.report.DeviceLimit limit = null;
        if (timeout != null && p.equals(timeout.edit())) {
            limit = timeout.limit();
            reason = "the longest udev event that loads a module (" + timeout.longestModule() + ") takes "
                    + ms(timeout.longestEventUs()) + "; " + p.value() + " s keeps it, and every device, with "
                    + "the headroom asked for before udev kills the worker (systemd-udevd reads udev.event_timeout= and, "
                    + "in the initrd, rd.udev.event_timeout=)"
                    + (limit == null ? "." : "; " + limit.driver() + " could then have up to " + limit.limit()
                            + " devices (it has " + limit.devices() + ").");
            risk.addAll(oldSystemd("udev.event-timeout"));
            risk.add("A probe that hangs now holds its udev worker for up to " + p.value() + " s"
                    + (plan.systemdVersion() >= 256 ? " (+ 10 s on systemd ≥ 256)" : "") + " before udev kills it.");
        } else if (deferred != null && p.equals(deferred.edit())) {
            reason = "the last device of a driver that gives up on missing suppliers binds " + ms(deferred.latestBindUs())
                    + " after the initcalls end; " + p.value() + " s keeps it, with the headroom asked for, before the "
                    + "deferred-probe timer fires (drivers/base/dd.c: deferred_probe_timeout, armed by "
                    + "deferred_probe_initcall()).";
            risk.add("A supplier that never comes keeps its consumers pending " + p.value() + " s before they give up.");
        } else if (p.key().equals("udev.children_max")) {
            reason = "lets up to " + p.value() + " udev workers run events at once (was "
                    + reading.knobs().udevChildrenMax() + "), so slow module loads stop queueing for a worker.";
            risk.addAll(oldSystemd("udev.children-max"));
            risk.add("Each udev worker is a process: more of them cost memory and compete for the CPUs during coldplug.");
        } else {
            reason = "the kernel waits for the root device to appear instead of mounting once the probes in flight end "
                    + "(init/do_mounts.c).";
            risk.add("If the root device never appears the boot waits for ever (rootwait=<seconds> bounds it from v6.5).");
        }
        return line(Edits.CMDLINE, p.text(), p, p.key(), "setting", reason, List.of(p), risk, limit);
    }

    private AdviceLine line(String where, String text, Edit removalsOf, String subject, String kind, String reason,
            List<Edit> alone, List<String> lineRisks, dev.bootplan.report.DeviceLimit limit) {
        Outcome o = evaluator.outcome(alone);
        if (o == null) {
            o = before;
        }
        return new AdviceLine(where, text, edits.removals(removalsOf), subject, kind, reason, o, gain(o), inSet(alone),
                helps(alone), lineRisks, limit);
    }

    private long gain(Outcome o) {
        return o == null ? 0 : Score.gain(goal, before.milestones(), o.milestones());
    }

    /**
     * systemd before proc_cmdline_key_streq() (v233, approx.) matched src/udev/udevd.c's keys exactly, with dashes, and
     * read the timeout in whole seconds: the underscore form the engine reads is then ignored.
     */
    private List<String> oldSystemd(String dashed) {
        return plan.systemdVersion() < 233 ? List.of("systemd " + plan.systemdVersion() + " (before v233, approx.) reads "
                + "only " + dashed + "= with dashes: write it that way on this systemd.") : List.of();
    }

    private static String ms(long us) {
        return us % 1000 == 0 ? us / 1000 + " ms" : us + " µs";
    }
}
