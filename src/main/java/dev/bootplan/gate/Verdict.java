package dev.bootplan.gate;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The gate's answer: passed when every rule passed. {@code input} and {@code rules} are the files' names, {@code kind}
 * what the input was (manifest, report, observed), {@code plan} and {@code mode} the boot judged (mode null for an
 * observed boot), {@code baselines} how many baselines were read.
 */
@Schema(name = "GateVerdict", description = "The gate's verdict: passed when every rule passed; per rule its result and breaches.")
public record Verdict(
        @Schema(description = "Every rule passed (exit code 0 on the command line; 1 otherwise).", example = "false") boolean passed,
        @Schema(description = "The input's name.", example = "manifest") String input,
        @Schema(description = "What the input was.", allowableValues = {"manifest", "report", "observed"}, example = "manifest") String kind,
        @Schema(description = "The plan's name (the log's name for an observed boot).", example = "storage-server") String plan,
        @Schema(description = "The mode the boot was evaluated in; null for an observed boot.", example = "sync") String mode,
        @Schema(description = "The rules file's name.", example = "rules") String rules,
        @Schema(description = "Baselines read.", example = "0") int baselines,
        @Schema(description = "One result per rule, in the rules file's order.") List<RuleVerdict> results) {

    public Verdict {
        results = List.copyOf(results);
    }

    public long failedRules() {
        return results.stream().filter(r -> !r.passed()).count();
    }
}
