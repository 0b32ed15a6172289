package dev.bootplan.gate;

import java.util.List;

/**
 * The gate's answer: passed when every rule passed. {@code input} and {@code rules} are the files' names, {@code kind}
 * what the input was (manifest, report, observed), {@code plan} and {@code mode} the boot judged (mode null for an
 * observed boot), {@code baselines} how many baselines were read.
 */
public record Verdict(boolean passed, String input, String kind, String plan, String mode, String rules, int baselines,
        List<RuleVerdict> results) {

    public Verdict {
        results = List.copyOf(results);
    }

    public long failedRules() {
        return results.stream().filter(r -> !r.passed()).count();
    }
}
