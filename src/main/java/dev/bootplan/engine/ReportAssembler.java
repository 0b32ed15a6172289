package dev.bootplan.engine;

import dev.bootplan.engine.mode.ProbingMode;
import dev.bootplan.report.DeviceOutcome;
import dev.bootplan.report.DeviceState;
import dev.bootplan.report.EffectiveKnobs;
import dev.bootplan.report.Milestones;
import dev.bootplan.report.ModuleOutcome;
import dev.bootplan.report.Report;
import java.util.ArrayList;
import java.util.List;

/** Reads a finished simulation into the report the contract promises. */
final class ReportAssembler {

    private ReportAssembler() {}

    static Report assemble(Simulation sim, ProbingMode mode, Findings findings) {
        var limits = DeviceLimits.of(sim, findings);
        SimulationFindings.collect(sim, findings);
        findings.addAll(sim.policy.findings());
        return new Report(
                sim.plan.name(),
                mode.name(),
                sim.plan.kernel().toString(),
                knobs(sim),
                milestones(sim),
                devices(sim),
                modules(sim),
                sim.timeline.sorted(),
                findings.sorted(),
                limits,
                sim.policy.changes(),
                sim.policy.tainted(),
                sim.loop.processed(),
                null);
    }

    private static EffectiveKnobs knobs(Simulation sim) {
        return knobs(sim.plan, sim.knobs, sim.settings);
    }

    /** The knobs as the kernel and systemd read them; a run's and {@link KnobReading}'s are the same. */
    static EffectiveKnobs knobs(dev.bootplan.engine.plan.Plan plan, Knobs k, BootSettings s) {
        List<String> modulesAsync = new ArrayList<>();
        for (int m = 0; m < plan.modules().size(); m++) {
            if (k.moduleRequested(plan.modules().get(m))) {
                modulesAsync.add(plan.modules().get(m).name());
            }
        }
        var udev = s.udevRootfs();
        return new EffectiveKnobs(k.moduleAsyncDefault(), k.driverNames(), k.wildcard(), modulesAsync, s.deferredTimeoutUs(),
                s.fwDevlink(), s.rootDelayUs(), s.root(), s.rootWait(), s.rootWaitTimeoutUs(), udev.timeoutUs(),
                udev.warnAfterUs(), udev.killAfterUs(), udev.childrenMax(), s.asyncMaxActive());
    }

    static Milestones milestones(Simulation sim) {
        long settled = sim.settledUs();
        return new Milestones(
                sim.initcallsDoneUs,
                sim.initStartUs < 0 ? null : sim.initStartUs,
                sim.rootMountedUs < 0 ? null : sim.rootMountedUs,
                // Hotplug events can follow the coldplug drain; udev has settled when its last event ended.
                sim.udevSettledUs < 0 ? null : Math.max(sim.udevSettledUs, sim.udev.lastEventEndUs),
                settled);
    }

    private static List<DeviceOutcome> devices(Simulation sim) {
        List<DeviceOutcome> out = new ArrayList<>(sim.status.length);
        for (int d = 0; d < sim.status.length; d++) {
            DeviceState state = switch (sim.status[d]) {
                case BOUND -> DeviceState.bound;
                case FAILED -> DeviceState.failed;
                case DEFERRED -> DeviceState.deferred;
                case ABSENT, PRESENT, PROBING -> DeviceState.unprobed;
            };
            String why = sim.failure[d];
            if (state == DeviceState.deferred) {
                int s = sim.waitedOnSupplier[d];
                why = "waiting for supplier " + (s >= 0 ? sim.deviceName(s) : "?");
            } else if (state == DeviceState.unprobed) {
                why = sim.status[d] == DevStatus.ABSENT ? "never created: its parent did not bind"
                        : sim.registered[sim.driverOf(d)] ? "its probe never ran" : "its driver never registered";
            }
            out.add(new DeviceOutcome(sim.deviceName(d), sim.driverName(sim.driverOf(d)), state, sim.ranAsync[d],
                    sim.probeStartUs[d] < 0 ? null : sim.probeStartUs[d], sim.probeEndUs[d] < 0 ? null : sim.probeEndUs[d],
                    sim.attempts[d], state == DeviceState.bound ? null : why));
        }
        return out;
    }

    private static List<ModuleOutcome> modules(Simulation sim) {
        List<ModuleOutcome> out = new ArrayList<>(sim.modules.length);
        for (ModuleRun run : sim.modules) {
            UdevEvent e = run.loadedBy;
            out.add(new ModuleOutcome(sim.plan.modules().get(run.index).name(), run.loadStartUs, run.loadEndUs,
                    run.asyncRequested, e == null ? null : e.warnAtUs(), e == null ? null : e.killAtUs(),
                    e != null && e.warned, e != null && e.killed, List.copyOf(run.waitedOn)));
        }
        return out;
    }
}
