package dev.bootplan.render;

import dev.bootplan.advice.Advice;
import dev.bootplan.advice.Outcome;
import dev.bootplan.report.Milestones;
import dev.bootplan.report.ModeSummary;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The advice before and after on one time axis: a bar for the plan as written and one with the advice, each to "every
 * device settled" with ticks at /init, root mounted and udev settled, then the four modes below for reference.
 */
public final class AdviceSvg {

    private static final int WIDTH = MilestoneBars.WIDTH;
    private static final int LEFT = 190;
    private static final int RIGHT = 30;
    private static final int BAND = 34;
    private static final String BEFORE = "#9e9e9e";
    private static final String AFTER = "#59a14f";
    private static final String MODE = "#a0cbe8";
    private static final String[] TICKS = MilestoneBars.TICKS;
    private static final String[] DASH = MilestoneBars.DASH;

    private record Row(String label, long settledUs, Long initUs, Long rootUs, Long udevUs, String note, String colour,
            boolean bold) {}

    public String render(Advice advice) {
        StringWriter w = new StringWriter(8_192);
        try {
            write(advice, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public void write(Advice a, Writer out) throws IOException {
        int total = a.before().bound() + a.before().failed() + a.before().notBound();
        List<Row> rows = new ArrayList<>();
        rows.add(row("as written", a.before(), total, "", BEFORE, true));
        rows.add(row("with the advice", a.after(), total, " — " + Fmt.signedTime(a.gainUs()) + " on " + a.goal(), AFTER, true));
        for (ModeSummary s : a.modes()) {
            rows.add(new Row("mode " + s.mode(), s.allDevicesSettledUs(), s.initStartUs(), null, s.udevSettledUs(),
                    Fmt.time(s.allDevicesSettledUs()) + " (" + s.bound() + "/" + total + " bound)", MODE, false));
        }
        long max = 1;
        for (Row r : rows) {
            max = Math.max(max, r.settledUs());
            max = Math.max(max, r.udevUs() == null ? 0 : r.udevUs());
            max = Math.max(max, r.rootUs() == null ? 0 : r.rootUs());
        }
        TimeAxis axis = new TimeAxis(max, LEFT, WIDTH - LEFT - RIGHT);
        double top = 56;
        double axisY = top + rows.size() * BAND + 4;
        int height = (int) Math.ceil(axisY + 30);
        String title = a.plan() + " — before and after the advice, kernel " + a.kernelVersion();
        MilestoneBars.open(out, title, height, LEFT, "bar: until every device settled");
        axis.write(out, top, axisY);
        for (int i = 0; i < rows.size(); i++) {
            band(out, rows.get(i), axis, top + i * BAND);
        }
        out.write("</svg>\n");
    }

    private static Row row(String label, Outcome o, int total, String gain, String colour, boolean bold) {
        Milestones m = o.milestones();
        String lost = o.failed() + o.notBound() > 0 ? ", " + (o.failed() + o.notBound()) + " lost" : "";
        return new Row(label, m.allDevicesSettledUs(), m.initStartUs(), m.rootMountedUs(), m.udevSettledUs(),
                Fmt.time(m.allDevicesSettledUs()) + " (" + o.bound() + "/" + total + " bound" + lost + ")" + gain, colour, bold);
    }

    private static void band(Writer out, Row r, TimeAxis axis, double y) throws IOException {
        double barY = y + 7;
        double barH = r.bold() ? 20 : 12;
        double x1 = axis.x(r.settledUs());
        out.write("<g class=\"row\"><title>" + Escaping.escape(r.label() + ": " + r.note()) + "</title>\n");
        out.write("<text x=\"" + (LEFT - 8) + "\" y=\"" + Fmt.px(barY + barH - 4) + "\" text-anchor=\"end\" font-size=\""
                + (r.bold() ? "13\" font-weight=\"bold\"" : "11\"") + ">" + Escaping.escape(r.label()) + "</text>\n");
        out.write("<rect x=\"" + Fmt.px(axis.x0) + "\" y=\"" + Fmt.px(barY) + "\" width=\"" + Fmt.px(Math.max(1, x1 - axis.x0))
                + "\" height=\"" + Fmt.px(barH) + "\" fill=\"" + r.colour() + "\"/>\n");
        Long[] at = {r.initUs(), r.rootUs(), r.udevUs()};
        for (int t = 0; t < at.length; t++) {
            if (at[t] == null) {
                continue;
            }
            String x = Fmt.px(axis.x(at[t]));
            out.write("<line x1=\"" + x + "\" y1=\"" + Fmt.px(barY - 3) + "\" x2=\"" + x + "\" y2=\"" + Fmt.px(barY + barH + 3)
                    + "\" stroke=\"#111\" stroke-width=\"2\"" + (DASH[t].isEmpty() ? "" : " stroke-dasharray=\"" + DASH[t] + "\"")
                    + "><title>" + Escaping.escape(TICKS[t] + " at " + Fmt.time(at[t])) + "</title></line>\n");
        }
        boolean inside = x1 > axis.x0 + axis.width * 0.7;
        out.write("<text x=\"" + Fmt.px(inside ? x1 - 6 : x1 + 6) + "\" y=\"" + Fmt.px(barY + barH - 4) + "\""
                + (inside ? " text-anchor=\"end\"" : "") + " font-size=\"12\">" + Escaping.escape(r.note()) + "</text>\n");
        out.write("</g>\n");
    }
}
