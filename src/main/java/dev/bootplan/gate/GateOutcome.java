package dev.bootplan.gate;

import dev.bootplan.gate.output.GithubOutput;
import dev.bootplan.gate.output.JUnitOutput;
import dev.bootplan.gate.output.SarifOutput;
import dev.bootplan.gate.output.TextOutput;

/**
 * The gate's result: a verdict, or the reason the input, rules or baselines could not be read. Exactly one is set.
 * The exit code is 0 when every rule passed, 1 when a rule failed, 2 when something could not be read (never a pass).
 */
public record GateOutcome(Verdict verdict, GateInputException error) {

    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int UNREADABLE = 2;

    public GateOutcome {
        if ((verdict == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of verdict and error");
        }
    }

    public int exitCode() {
        return error != null ? UNREADABLE : verdict.passed() ? PASSED : FAILED;
    }

    public Rendered render(GateFormat format) {
        return switch (format) {
            case text -> new Rendered(TextOutput.render(this), null);
            case junit -> new Rendered(JUnitOutput.render(this), null);
            case sarif -> new Rendered(SarifOutput.render(this), null);
            case github -> new Rendered(GithubOutput.commands(this), GithubOutput.summary(this));
        };
    }
}
