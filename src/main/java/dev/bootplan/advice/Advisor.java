package dev.bootplan.advice;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.Comparisons;
import dev.bootplan.engine.KnobReading;
import dev.bootplan.engine.mode.ProbingMode;
import dev.bootplan.engine.mode.ProbingModes;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.report.Finding;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * The advice's one entry point: a plan and what to aim for in, the lines to ship out. Pure and deterministic: the same
 * plan and options give the same advice, byte for byte; the search is bounded by the options' budget (docs/advice.md).
 */
public final class Advisor {

    /** Findings of the boot with the advice that no searched line removes: reported with the engine's own remedy. */
    private static final Set<FindingCode> REMAINING = Set.of(FindingCode.FIRMWARE_UNAVAILABLE,
            FindingCode.ASYNC_FIRMWARE_WORKAROUND, FindingCode.USERSPACE_EXPECTS_SYNC, FindingCode.BUILTIN_ASYNC_ORDERING,
            FindingCode.ROOT_NOT_FOUND, FindingCode.DEFERRED_PENDING, FindingCode.SUPPLIER_CYCLE,
            FindingCode.UDEV_EVENT_KILLED, FindingCode.DEVICE_LIMIT_EXCEEDED);

    private final BootSimulator simulator;

    public Advisor(BootSimulator simulator) {
        this.simulator = simulator;
    }

    /** Advice for {@code plan}; {@code stop} ends the search with the engine's RunStoppedException (a deadline). */
    public Advice advise(Plan plan, AdviceOptions options, BooleanSupplier stop) {
        KnobReading reading = KnobReading.of(plan);
        AsyncHazards hazards = AsyncHazards.of(plan, reading);
        Edits edits = new Edits(plan, reading);
        Evaluator evaluator = new Evaluator(simulator, edits, hazards.reasons().keySet(), options, stop);
        Score score = new Score(options.goal(), options.minGainUs());

        Report baseline = evaluator.report(List.of());
        Outcome before = evaluator.outcomeOf(baseline);
        List<String> skipped = new ArrayList<>();
        List<Coordinate> coords = new Candidates(plan, reading, edits, hazards, skipped).of(baseline);
        Search search = new Search(coords, evaluator, score);
        Search.Result found = search.run(before);
        List<Edit> atomic = search.edits(found.choice());
        Outcome atomicOut = atomic.isEmpty() ? before : evaluator.outcome(atomic);
        List<Edit> chosen = new ArrayList<>(atomicOut == null ? atomic : search.ablateLines(atomic, atomicOut));

        Report withChosen = evaluator.report(chosen);
        Timeouts.Recommendation timeout = new Timeouts(plan, reading, evaluator, options.headroomPercent())
                .recommend(chosen, withChosen);
        if (timeout != null) {
            chosen.add(timeout.edit());
            withChosen = evaluator.report(chosen);
        }
        DeferredTimeout.Recommendation deferred = new DeferredTimeout(plan, reading, evaluator, options.headroomPercent())
                .recommend(chosen, withChosen);
        if (deferred != null) {
            chosen.add(deferred.edit());
            withChosen = evaluator.report(chosen);
        }
        Outcome after = evaluator.outcomeOf(withChosen);

        Lines lines = new Lines(plan, reading, edits, evaluator, new Risks(plan), options.goal(), before);
        List<AdviceLine> shipped = lines.build(chosen, timeout, deferred);
        List<Assessment> assessments = new Assessments(plan, reading, edits, evaluator, hazards).all();
        List<String> remaining = remaining(withChosen);

        List<Report> modes = new ArrayList<>();
        for (ProbingMode mode : ProbingModes.all(false)) {
            modes.add(mode.name().equals("async") ? baseline : evaluator.report(plan, mode));
        }
        List<String> searched = coords.stream().map(Coordinate::label).toList();
        SearchSummary summary = new SearchSummary(found.method(), searched, found.spaceSize(), evaluator.evaluations(),
                evaluator.events(), found.provedBest(), found.stoppedEarly(), skipped);
        return new Advice(plan.name(), plan.kernel().toString(), plan.systemdVersion(), options.goal(),
                options.headroomPercent(), before, after, Score.gain(options.goal(), before.milestones(), after.milestones()),
                shipped, assessments, remaining, Comparisons.of(plan, modes).summary(), summary);
    }

    private static List<String> remaining(Report r) {
        Set<String> out = new TreeSet<>();
        for (Finding f : r.warnings()) {
            if (REMAINING.contains(f.code())) {
                out.add(f.code() + " " + f.subject() + ": " + f.message() + " " + f.remedy());
            }
        }
        return List.copyOf(out);
    }
}
