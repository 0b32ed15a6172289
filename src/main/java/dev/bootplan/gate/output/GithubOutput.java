package dev.bootplan.gate.output;

import dev.bootplan.gate.Breach;
import dev.bootplan.gate.GateOutcome;
import dev.bootplan.gate.GateProblem;
import dev.bootplan.gate.RuleVerdict;
import dev.bootplan.gate.Verdict;

/**
 * GitHub Actions: workflow commands ({@code ::error file=…,line=…,col=…,title=…::message}, one per breach, escaped as
 * the runner's toolkit escapes them) for stdout, and a Markdown step summary for {@code $GITHUB_STEP_SUMMARY}.
 */
public final class GithubOutput {

    /** A summary lists at most this many breaches per rule; the rest are counted (the summary is capped at 1 MiB). */
    static final int SUMMARY_BREACHES = 50;

    private GithubOutput() {}

    public static String commands(GateOutcome outcome) {
        StringBuilder s = new StringBuilder();
        if (outcome.error() != null) {
            for (GateProblem p : outcome.error().problems()) {
                command(s, "error", p.source().equals("-") ? null : p.source(), p.line(), p.column(),
                        "gate: unreadable " + outcome.error().part(), p.text());
            }
            return s.toString();
        }
        Verdict v = outcome.verdict();
        String file = v.input().equals("-") ? null : v.input();
        for (RuleVerdict r : v.results()) {
            for (Breach b : r.breaches()) {
                command(s, "error", file, b.line(), b.column(), r.rule(), b.message());
            }
        }
        command(s, v.passed() ? "notice" : "error", null, null, null, "bootplan gate",
                (v.passed() ? "passed" : "failed") + ": " + (v.results().size() - v.failedRules()) + " of "
                        + v.results().size() + " rule(s) passed for " + Heading.of(v));
        return s.toString();
    }

    public static String summary(GateOutcome outcome) {
        StringBuilder s = new StringBuilder("## Boot-plan gate\n\n");
        if (outcome.error() != null) {
            s.append("**Could not read the ").append(outcome.error().part()).append("** (exit 2):\n\n");
            for (GateProblem p : outcome.error().problems()) {
                s.append("- `").append(code(p.text())).append("`\n");
            }
            return s.toString();
        }
        Verdict v = outcome.verdict();
        s.append(v.passed() ? "**Passed**" : "**Failed**").append(": ").append(md(Heading.of(v))).append("\n\n");
        s.append("| | Rule | Result |\n|---|---|---|\n");
        for (RuleVerdict r : v.results()) {
            s.append("| ").append(r.passed() ? "✅" : "❌").append(" | ").append(md(r.rule())).append(" | ")
                    .append(md(r.message())).append(" |\n");
        }
        for (RuleVerdict r : v.results()) {
            if (r.breaches().isEmpty()) {
                continue;
            }
            s.append("\n### ").append(md(r.rule())).append("\n\n");
            int n = 0;
            for (Breach b : r.breaches()) {
                if (n++ == SUMMARY_BREACHES) {
                    s.append("- … and ").append(r.breaches().size() - SUMMARY_BREACHES).append(" more\n");
                    break;
                }
                s.append("- `").append(code(Where.of(v.input(), b))).append("` ").append(md(b.message())).append('\n');
            }
        }
        return s.toString();
    }

    private static void command(StringBuilder s, String level, String file, Integer line, Integer column, String title,
            String message) {
        s.append("::").append(level);
        String sep = " ";
        if (file != null) {
            s.append(sep).append("file=").append(property(file));
            sep = ",";
            if (line != null) {
                s.append(",line=").append(line);
                if (column != null) {
                    s.append(",col=").append(column);
                }
            }
        }
        s.append(sep).append("title=").append(property(title));
        s.append("::").append(data(message)).append('\n');
    }

    /** @actions/core's escapeData. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** @actions/core's escapeProperty. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }

    /** Markdown table cells and list items: no pipes, no markup, no line breaks from client-supplied names. */
    static String md(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '!' -> s.append('\\').append(c);
                case '\n', '\r' -> s.append(' ');
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    private static String code(String text) {
        return text.replace('`', '\'').replace('\n', ' ').replace('\r', ' ');
    }
}
