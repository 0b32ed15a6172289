package dev.bootplan.gate.output;

import dev.bootplan.gate.Breach;
import dev.bootplan.gate.GateOutcome;
import dev.bootplan.gate.GateProblem;
import dev.bootplan.gate.RuleVerdict;
import dev.bootplan.gate.Verdict;

/**
 * The text table: a heading with the verdict, one row per rule (PASS or FAIL, the rule, what was found), and under a
 * failed rule one {@code file:line:col: message} line per breach, the form editors and terminals make clickable.
 */
public final class TextOutput {

    private TextOutput() {}

    public static String render(GateOutcome outcome) {
        StringBuilder s = new StringBuilder();
        if (outcome.error() != null) {
            s.append("gate: could not read the ").append(outcome.error().part()).append(" (exit 2)\n");
            for (GateProblem p : outcome.error().problems()) {
                s.append(p.text()).append('\n');
            }
            return s.toString();
        }
        Verdict v = outcome.verdict();
        s.append("gate: ").append(v.passed() ? "PASSED" : "FAILED").append(" — ").append(Heading.of(v)).append('\n');
        int width = "RULE".length();
        for (RuleVerdict r : v.results()) {
            width = Math.max(width, r.rule().length());
        }
        width = Math.min(width, 60);
        s.append(pad("RESULT", 7)).append(pad("RULE", width + 2)).append("DETAIL\n");
        for (RuleVerdict r : v.results()) {
            s.append(pad(r.passed() ? "pass" : "FAIL", 7)).append(pad(r.rule(), width + 2)).append(r.message()).append('\n');
            for (Breach b : r.breaches()) {
                s.append("  ").append(Where.of(v.input(), b)).append(": ").append(b.message()).append('\n');
            }
        }
        s.append(v.results().size() - v.failedRules()).append(" of ").append(v.results().size()).append(" rule(s) passed\n");
        return s.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
