package dev.bootplan.render;

import dev.bootplan.report.Comparison;
import dev.bootplan.report.Finding;
import dev.bootplan.report.ModeSummary;
import dev.bootplan.report.Report;
import dev.bootplan.report.Severity;
import dev.bootplan.report.Uncertainty;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The verdict a page opens with: one sentence, then a few figures as cards. Built from a report by {@link #of(Report)},
 * or from any figures by the constructor, so other pages (the advice) lead the same way; {@link #STYLE} is its CSS.
 */
public final class Headline {

    /** How a figure reads: good news, bad news, or neither. Also the CSS class. */
    public enum Tone { good, bad, neutral }

    /** One card: a label, its value, and lines under it. */
    public record Figure(String label, String value, List<String> lines, Tone tone) {

        public Figure {
            lines = List.copyOf(lines);
        }
    }

    /** CSS for the headline; pages using it put it in their style element. */
    public static final String STYLE = """
            .headline{border:1px solid #ccc;border-radius:6px;padding:12px 16px;margin:8px 0 16px;background:#fafafa}
            .headline .verdict{font-size:20px;font-weight:bold;margin:0 0 10px}
            .headline .figures{display:flex;flex-wrap:wrap;gap:12px}
            .headline .figure{flex:1 1 220px;border-left:5px solid #90a4ae;background:#fff;padding:6px 10px}
            .headline .figure.wide{flex:3 1 440px}
            .headline .label{display:block;font-size:12px;color:#555;text-transform:uppercase;letter-spacing:.04em}
            .headline .value{display:block;font-size:18px;font-weight:bold;margin:2px 0}
            .headline .line{display:block;font-size:13px;margin-top:2px}
            .headline .good{border-left-color:#2e7d32}.headline .bad{border-left-color:#c62828}
            .headline .verdict.good{color:#2e7d32}.headline .verdict.bad{color:#c62828}
            """;

    private final String verdict;
    private final Tone tone;
    private final List<Figure> figures;

    public Headline(String verdict, Tone tone, List<Figure> figures) {
        this.verdict = verdict;
        this.tone = tone;
        this.figures = List.copyOf(figures);
    }

    public String verdict() {
        return verdict;
    }

    public List<Figure> figures() {
        return figures;
    }

    /**
     * A report's verdict: devices bound and lost, when every device settled (with its bounds when some CPU shares are
     * unknown), and the worst finding with its remedy.
     */
    public static Headline of(Report r) {
        Lost lost = Lost.of(r);
        int total = r.devices().size();
        long settled = r.milestones().allDevicesSettledUs();
        String verdict = (lost.count() == 0 ? "All " + total + " devices bound" : lost.count() + " of " + total + " devices lost")
                + "; every device settled at " + Fmt.time(settled) + " in " + r.mode() + " mode"
                + settledBounds(r).map(b -> " (" + b + ")").orElse("");
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("Devices", (total - lost.count()) + " of " + total + " bound",
                lost.count() == 0 ? List.of("none lost") : List.of(lost.describe()), lost.count() == 0 ? Tone.good : Tone.bad));
        List<String> milestones = new ArrayList<>();
        Long root = r.milestones().rootMountedUs();
        milestones.add(root == null ? "root never mounted" : "root mounted at " + Fmt.time(root));
        settledBounds(r).ifPresent(milestones::add);
        figures.add(new Figure("All devices settled", Fmt.time(settled), milestones, root == null ? Tone.bad : Tone.neutral));
        Optional<Finding> worst = worst(r.warnings());
        long errors = r.warnings().stream().filter(f -> f.severity() == Severity.error).count();
        long warnings = r.warnings().stream().filter(f -> f.severity() == Severity.warning).count();
        String counts = errors + " error(s), " + warnings + " warning(s)";
        figures.add(worst.map(f -> new Figure("Worst finding (" + counts + ")", f.code().name() + " · " + f.subject(),
                        List.of(f.message(), "Remedy: " + f.remedy()), f.severity() == Severity.info ? Tone.neutral : Tone.bad))
                .orElse(new Figure("Findings", "none", List.of(), Tone.good)));
        return new Headline(verdict, lost.count() == 0 && errors == 0 ? Tone.good : Tone.bad, figures);
    }

    /**
     * Four modes' verdict: the mode that binds the most devices, then settles first (a mode that taints the kernel is
     * not offered), then a card per mode with its settle time, its gain against sync and what it lost.
     */
    public static Headline of(Comparison c) {
        List<Figure> figures = new ArrayList<>();
        int best = -1;
        int bestBound = -1;
        for (int i = 0; i < c.summary().size(); i++) {
            ModeSummary s = c.summary().get(i);
            Report r = c.reports().get(i);
            Lost lost = Lost.of(r);
            int bound = r.devices().size() - lost.count();
            List<String> lines = new ArrayList<>();
            lines.add("sync".equals(s.mode()) ? "the baseline" : Fmt.vsSync(s.gainVsSyncUs()));
            lines.add(lost.count() == 0 ? "all " + r.devices().size() + " devices bound" : lost.describe());
            if (r.tainted()) {
                lines.add("taints the kernel");
            }
            figures.add(new Figure(s.mode(), Fmt.time(s.allDevicesSettledUs()), lines, lost.count() == 0 ? Tone.good : Tone.bad));
            boolean better = bound > bestBound
                    || bound == bestBound && s.allDevicesSettledUs() < c.summary().get(best).allDevicesSettledUs();
            if (!r.tainted() && better) {
                best = i;
                bestBound = bound;
            }
        }
        if (best < 0) {
            return new Headline("Every mode taints the kernel", Tone.bad, figures);
        }
        ModeSummary s = c.summary().get(best);
        Report r = c.reports().get(best);
        Lost lost = Lost.of(r);
        String verdict = "Best: " + s.mode() + " — " + (lost.count() == 0 ? "all " + r.devices().size() + " devices bound"
                : lost.describe()) + ", settled at " + Fmt.time(s.allDevicesSettledUs())
                + ("sync".equals(s.mode()) ? "" : ", " + Fmt.vsSync(s.gainVsSyncUs()));
        return new Headline(verdict, lost.count() == 0 ? Tone.good : Tone.bad, figures);
    }

    /**
     * The finding to fix first: the highest severity; among those, one that happened at a time in this boot before a
     * plan-wide one (a kill that lost devices before the limit that predicted it); then the earliest, then the report's
     * order (findings are ordered by time then code).
     */
    static Optional<Finding> worst(List<Finding> findings) {
        return findings.stream().min(Comparator.comparing((Finding f) -> -f.severity().ordinal())
                .thenComparing(f -> f.atUs() == null)
                .thenComparingLong(f -> f.atUs() == null ? 0 : f.atUs()));
    }

    private static Optional<String> settledBounds(Report r) {
        Uncertainty u = r.uncertainty();
        if (u == null) {
            return Optional.empty();
        }
        return u.milestones().stream()
                .filter(b -> b.milestone().equals("allDevicesSettledUs") && b.lowUs() != null && b.highUs() != null
                        && !b.lowUs().equals(b.highUs()))
                .findFirst().map(b -> "between " + Fmt.time(b.lowUs()) + " and " + Fmt.time(b.highUs()) + " while "
                        + u.unknownShares() + " CPU share(s) are unknown");
    }

    public void write(Writer out) throws IOException {
        out.write("<section class=\"headline\" id=\"verdict\">\n<p class=\"verdict " + tone.name() + "\">" + Escaping.escape(verdict)
                + "</p>\n<div class=\"figures\">\n");
        for (Figure f : figures) {
            boolean wide = f.lines().stream().mapToInt(String::length).sum() > 120;
            out.write("<div class=\"figure " + f.tone().name() + (wide ? " wide" : "") + "\"><span class=\"label\">"
                    + Escaping.escape(f.label()) + "</span><span class=\"value\">" + Escaping.escape(f.value()) + "</span>");
            for (String line : f.lines()) {
                out.write("<span class=\"line\">" + Escaping.escape(line) + "</span>");
            }
            out.write("</div>\n");
        }
        out.write("</div>\n</section>\n");
    }
}
