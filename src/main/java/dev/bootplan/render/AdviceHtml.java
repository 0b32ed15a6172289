package dev.bootplan.render;

import dev.bootplan.advice.Advice;
import dev.bootplan.advice.AdviceLine;
import dev.bootplan.advice.Assessment;
import dev.bootplan.advice.Outcome;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The advice as one self-contained page: the verdict first, the lines to ship in one block to copy, then each line
 * with its gain alone and its risks beside it, the broad knobs weighed, what no line fixes, the before/after picture
 * and how the search ran. No script and no external request (the same Content-Security-Policy as the report page).
 */
public final class AdviceHtml {

    private static final String STYLE = """
            body{font-family:"DejaVu Sans",Verdana,sans-serif;margin:24px;color:#111;background:#fff}
            h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:22px 0 8px}
            .verdict{font-size:16px;margin:0 0 12px}
            pre.ship{background:#f6f8fa;border:1px solid #ccc;padding:10px 12px;font-size:14px;white-space:pre-wrap;
            user-select:all;max-width:1350px}
            table{border-collapse:collapse;margin:4px 0 12px;font-size:13px;max-width:1400px}
            th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f0f0f0}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            code{font-size:13px}ul{margin:0;padding-left:18px}.risk{color:#b71c1c}.muted{color:#666}
            .chart{overflow-x:auto}.chart svg{max-width:none}
            @media print{body{margin:0}.chart svg{width:100%;height:auto}tr{break-inside:avoid}}
            """;

    public String render(Advice advice) {
        StringWriter w = new StringWriter(16_384);
        try {
            write(advice, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public void write(Advice a, Writer out) throws IOException {
        String title = a.plan() + " — what to ship";
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + Escaping.escape(title)
                + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
        out.write("<h1>" + Escaping.escape(title) + "</h1>\n");
        out.write("<p class=\"verdict\">" + Escaping.escape(verdict(a)) + "</p>\n");
        out.write("<h2>Lines to ship</h2>\n");
        String ship = a.shipText();
        out.write("<pre class=\"ship\">" + Escaping.escape(ship.isEmpty() ? "# nothing to add: the plan as written is as good as the searched settings get\n" : ship)
                + "</pre>\n");
        lines(out, a);
        assessments(out, a);
        if (!a.remainingRisks().isEmpty()) {
            out.write("<h2>What no line fixes</h2>\n<ul>\n");
            for (String r : a.remainingRisks()) {
                out.write("<li class=\"risk\">" + Escaping.escape(r) + "</li>\n");
            }
            out.write("</ul>\n");
        }
        out.write("<h2>Before and after</h2>\n<div class=\"chart\">\n");
        new AdviceSvg().write(a, out);
        out.write("</div>\n");
        var s = a.search();
        out.write("<h2>How it was found</h2>\n<p>" + Escaping.escape(s.method() + ": " + s.evaluations() + " simulations ("
                + s.events() + " events) over a space of " + s.spaceSize() + " combinations; "
                + (s.provedBest() ? "proved best within the searched space." : "not proved best: the space was not searched exhaustively.")
                + (s.stoppedEarly() ? " The budget ran out: the search stopped early." : "")) + "</p>\n");
        out.write("<p class=\"muted\">Searched: " + Escaping.escape(String.join("; ", s.searched())) + "</p>\n");
        if (!s.skipped().isEmpty()) {
            out.write("<p class=\"muted\">Left out: " + Escaping.escape(String.join("; ", s.skipped())) + "</p>\n");
        }
        out.write("</body>\n</html>\n");
    }

    private static String verdict(Advice a) {
        Outcome b = a.before();
        Outcome f = a.after();
        int total = b.bound() + b.failed() + b.notBound();
        long lines = a.lines().stream().filter(l -> l.kind().equals("setting")).count();
        return lines + " line(s) to ship: " + a.goal() + " " + Fmt.time(a.goal().of(b.milestones())) + " → "
                + Fmt.time(a.goal().of(f.milestones())) + " (" + (a.gainUs() >= 0 ? Fmt.time(a.gainUs()) + " earlier"
                : Fmt.time(-a.gainUs()) + " later") + "), "
                + f.bound() + " of " + total + " devices bound (as written: " + b.bound() + ")"
                + (f.risksTaken() < b.risksTaken() ? ", " + (b.risksTaken() - f.risksTaken()) + " async hazard(s) removed" : "")
                + ".";
    }

    private static void lines(Writer out, Advice a) throws IOException {
        if (a.lines().isEmpty()) {
            return;
        }
        out.write("<table class=\"lines\">\n<tr><th>Line</th><th>Where</th><th>Why</th><th>Alone: " + Escaping.escape(a.goal().name())
                + "</th><th>Without it, the set loses</th><th>Risks</th></tr>\n");
        for (AdviceLine l : a.lines()) {
            StringBuilder text = new StringBuilder();
            text.append(l.text() == null ? "<span class=\"muted\">(removal)</span>" : "<code>" + Escaping.escape(l.text()) + "</code>");
            for (var r : l.removes()) {
                text.append("<br><span class=\"muted\">replaces <code>").append(Escaping.escape(r.text())).append("</code></span>");
            }
            out.write("<tr><td>" + text + "</td><td>" + Escaping.escape(l.where()) + "</td><td>" + Escaping.escape(l.reason())
                    + "</td><td class=\"num\">" + Escaping.escape(Fmt.time(a.goal().of(l.alone().milestones())) + " ("
                    + Fmt.signedTime(l.gainAloneUs()) + ")") + "</td><td class=\"num\">" + Escaping.escape(
                    helps(l)) + "</td><td>" + risks(l) + "</td></tr>\n");
        }
        out.write("</table>\n");
    }

    /** "udevSettled +3.983 s": the milestone the set loses first without the line. */
    private static String helps(AdviceLine l) {
        String h = l.helpsInSet();
        if (h == null || h.equals("none")) {
            return "—";
        }
        int sp = h.lastIndexOf(' ');
        String what = h.substring(0, sp);
        String n = h.substring(sp + 1);
        if (what.equals("bound") || what.equals("risksTaken")) {
            return what + " " + n;
        }
        return what + " " + Fmt.signedTime(Long.parseLong(n));
    }

    private static String risks(AdviceLine l) {
        if (l.risks().isEmpty()) {
            return "<span class=\"muted\">none found</span>";
        }
        StringBuilder sb = new StringBuilder("<ul>");
        for (String r : l.risks()) {
            sb.append("<li class=\"risk\">").append(Escaping.escape(r)).append("</li>");
        }
        return sb.append("</ul>").toString();
    }

    private static void assessments(Writer out, Advice a) throws IOException {
        out.write("<h2>The broad knobs</h2>\n<table>\n<tr><th>Knob</th><th>Verdict</th><th>Would give</th></tr>\n");
        for (Assessment s : a.assessments()) {
            String verdict = !s.honoured() ? "ignored by this kernel" : s.safe() ? "safe here" : "not safe here";
            String gives = s.outcome() == null ? "—" : Fmt.time(a.goal().of(s.outcome().milestones())) + ", "
                    + s.outcome().bound() + " bound";
            out.write("<tr><td><code>" + Escaping.escape(s.text()) + "</code></td><td>" + Escaping.escape(verdict + ": "
                    + String.join(" ", s.reasons())) + "</td><td class=\"num\">" + Escaping.escape(gives) + "</td></tr>\n");
        }
        out.write("</table>\n");
    }
}
