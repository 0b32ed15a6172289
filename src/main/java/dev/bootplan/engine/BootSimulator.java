package dev.bootplan.engine;

import dev.bootplan.engine.mode.ProbingMode;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.report.EffectiveKnobs;
import dev.bootplan.report.Milestones;
import dev.bootplan.report.Report;
import java.util.List;

/** The engine's entry point: a plan and a mode in, a report out. Pure and deterministic. */
public final class BootSimulator {

    private final EngineSettings settings;

    public BootSimulator(EngineSettings settings) {
        this.settings = settings;
    }

    public Report simulate(Plan plan, ProbingMode mode) {
        // Placeholder until the engine lands.
        return new Report(plan.name(), mode.name(), plan.kernel().toString(),
                new EffectiveKnobs(null, null, false, List.of(), 10_000_000, "on", 0, 180_000_000, 60_000_000L, 180_000_000, 24, 512),
                new Milestones(0, 0, 0, 0, 0), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), false, 0);
    }
}
