package dev.bootplan.advice;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.WorkBudgetExceededException;
import dev.bootplan.engine.mode.AsyncMode;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.report.Report;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Simulates the plan with a set of edits, in the async mode (the kernel reading the knobs as written), counting every
 * simulation and its events against the budget. Outcomes are remembered, so a combination is simulated once.
 */
final class Evaluator {

    private final BootSimulator simulator;
    private final Edits edits;
    private final Set<String> hazardous;
    private final AdviceOptions options;
    private final BooleanSupplier stop;
    private final Map<String, Outcome> seen = new HashMap<>();
    private int evaluations;
    private long events;

    Evaluator(BootSimulator simulator, Edits edits, Set<String> hazardous, AdviceOptions options, BooleanSupplier stop) {
        this.simulator = simulator;
        this.edits = edits;
        this.hazardous = hazardous;
        this.options = options;
        this.stop = stop;
    }

    /** Whether the search may run one more simulation. */
    boolean affordable() {
        return evaluations < options.maxEvaluations() && events < options.maxEvents();
    }

    int evaluationsLeft() {
        return Math.max(0, options.maxEvaluations() - evaluations);
    }

    boolean known(List<Edit> set) {
        return seen.containsKey(set.toString());
    }

    /** The outcome of the plan with these edits; null when the plan with them is over the engine's work budget. */
    Outcome outcome(List<Edit> set) {
        String key = set.toString();
        if (seen.containsKey(key)) {
            return seen.get(key);
        }
        if (!edits.fits(set)) {
            seen.put(key, null); // a driver_async_probe= list the kernel would cut: not a set to ship
            return null;
        }
        Report r = report(set);
        Outcome o = r == null ? null : Outcome.of(r, hazardous);
        seen.put(key, o);
        return o;
    }

    /** The full report of the plan with these edits (always simulated); null when over the engine's work budget. */
    Report report(List<Edit> set) {
        Plan plan = edits.apply(set);
        evaluations++;
        try {
            Report r = simulator.simulate(plan, new AsyncMode(), stop);
            events += r.events();
            return r;
        } catch (WorkBudgetExceededException e) {
            if (set.isEmpty()) {
                throw e;
            }
            return null;
        }
    }

    /** A plan in another mode, counted like the rest. */
    Report report(Plan plan, dev.bootplan.engine.mode.ProbingMode mode) {
        evaluations++;
        Report r = simulator.simulate(plan, mode, stop);
        events += r.events();
        return r;
    }

    Outcome outcomeOf(Report r) {
        return Outcome.of(r, hazardous);
    }

    int evaluations() {
        return evaluations;
    }

    long events() {
        return events;
    }
}
