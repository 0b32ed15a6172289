package dev.bootplan.gate;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.WorkBudgetExceededException;
import dev.bootplan.engine.mode.ProbingMode;
import dev.bootplan.engine.mode.ProbingModes;
import dev.bootplan.gate.input.Boot;
import dev.bootplan.gate.input.BootReader;
import dev.bootplan.gate.input.SourceLocations;
import dev.bootplan.gate.rules.GateRules;
import dev.bootplan.gate.rules.Rule;
import dev.bootplan.gate.rules.RulesReader;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ManifestNormalizer;
import dev.bootplan.report.Report;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gate's entry point, shared by the command line and {@code POST /api/v1/gates}: reads the rules, the input and
 * the baselines, evaluates manifests with the same normaliser and engine the evaluator uses, holds the boot against
 * every rule, and places each breach at its line and column in the input. Pure: no Spring, no IO beyond the texts.
 */
public final class Gate {

    private static final BooleanSupplier NEVER = () -> false;

    private final JsonMapper json;
    private final ManifestNormalizer normalizer;
    private final BootSimulator simulator;

    /** {@code json}: the service's strict mapper, so a manifest the evaluator refuses is refused here too. */
    public Gate(JsonMapper json, ManifestNormalizer normalizer, BootSimulator simulator) {
        this.json = json;
        this.normalizer = normalizer;
        this.simulator = simulator;
    }

    public GateOutcome judge(GateRequest request) {
        return judge(request, NEVER);
    }

    /** As {@link #judge(GateRequest)}; evaluations end with the engine's RunStoppedException once {@code stop} says so. */
    public GateOutcome judge(GateRequest request, BooleanSupplier stop) {
        try {
            return new GateOutcome(verdict(request, stop), null);
        } catch (GateInputException e) {
            return new GateOutcome(null, e);
        }
    }

    private Verdict verdict(GateRequest request, BooleanSupplier stop) {
        ProbingMode mode = ProbingModes.byName(request.mode(), false).orElseThrow(() -> new GateInputException(
                GateInputException.Part.mode, new GateProblem("mode", null, null, null, "unknown mode \"" + request.mode()
                        + "\"; one of " + String.join(", ", ProbingModes.names()))));
        GateRules rules = RulesReader.read(request.rules().name(), request.rules().text());
        Boot boot = read(request.input(), GateInputException.Part.input, mode, stop);
        List<Boot> baselines = new ArrayList<>();
        for (GateFile b : request.baselines()) {
            baselines.add(read(b, GateInputException.Part.baseline, mode, stop));
        }
        Judge judge = new Judge(boot, baselines);
        List<RuleVerdict> results = new ArrayList<>();
        for (Rule r : rules.rules()) {
            results.add(judge.judge(r));
        }
        results = placed(results, boot);
        boolean passed = results.stream().allMatch(RuleVerdict::passed);
        return new Verdict(passed, request.input().name(), boot.kind().name(), boot.plan(), boot.mode(),
                request.rules().name(), baselines.size(), results);
    }

    private Boot read(GateFile file, GateInputException.Part part, ProbingMode mode, BooleanSupplier stop) {
        Function<Manifest, Report> evaluate = m -> simulator.simulate(normalizer.normalize(m), mode, stop);
        try {
            return new BootReader(json, part).read(file, evaluate);
        } catch (WorkBudgetExceededException e) {
            throw new GateInputException(part, new GateProblem(file.name(), null, null, null, e.getMessage()));
        }
    }

    /** Every breach's pointer resolved to a line and column of the input, in one pass over its text. */
    private static List<RuleVerdict> placed(List<RuleVerdict> results, Boot boot) {
        Set<String> pointers = new HashSet<>();
        results.forEach(r -> r.breaches().forEach(b -> {
            if (b.pointer() != null) {
                pointers.add(b.pointer());
            }
        }));
        if (pointers.isEmpty()) {
            return results;
        }
        Map<String, SourceLocations.Place> places = SourceLocations.of(boot.file().text(), pointers);
        List<RuleVerdict> out = new ArrayList<>(results.size());
        for (RuleVerdict r : results) {
            out.add(new RuleVerdict(r.rule(), r.type(), r.passed(), r.message(), r.breaches().stream().map(b -> {
                SourceLocations.Place at = b.pointer() == null ? null : places.get(b.pointer());
                return at == null ? b : b.at(at.line(), at.column());
            }).toList()));
        }
        return out;
    }
}
