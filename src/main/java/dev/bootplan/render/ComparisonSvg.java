package dev.bootplan.render;

import dev.bootplan.report.Comparison;
import dev.bootplan.report.Milestones;
import dev.bootplan.report.ModeSummary;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The four modes stacked on one time axis: a band per mode with a bar to "all devices settled", ticks at /init,
 * root mounted and udev settled, and the gain against sync.
 */
public final class ComparisonSvg {

    private static final int WIDTH = 1400;
    private static final int LEFT = 150;
    private static final int RIGHT = 30;
    private static final int BAND = 40;
    private static final String[] COLOURS = {"#e15759", "#4e79a7", "#f28e2b", "#76b7b2", "#b07aa1", "#59a14f"};
    private static final String[] TICKS = {"/init starts", "root mounted", "udev settled"};
    private static final String[] DASH = {"", "4 2", "1.5 1.5"};

    public String render(Comparison comparison) {
        StringWriter w = new StringWriter(8_192);
        try {
            write(comparison, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public void write(Comparison c, Writer out) throws IOException {
        long max = 1;
        for (ModeSummary s : c.summary()) {
            max = Math.max(max, s.allDevicesSettledUs());
            max = Math.max(max, s.udevSettledUs() == null ? 0 : s.udevSettledUs());
        }
        for (var r : c.reports()) {
            Long root = r.milestones().rootMountedUs();
            max = Math.max(max, root == null ? 0 : root);
        }
        TimeAxis axis = new TimeAxis(max, LEFT, WIDTH - LEFT - RIGHT);
        double top = 56;
        double axisY = top + c.summary().size() * BAND + 4;
        int height = (int) Math.ceil(axisY + 30);
        String title = c.plan() + " — four probing modes, kernel " + c.kernelVersion();
        out.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + height + "\" viewBox=\"0 0 "
                + WIDTH + " " + height + "\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"11\" role=\"img\">\n");
        out.write("<title>" + Escaping.escape(title) + "</title>\n");
        out.write("<rect x=\"0\" y=\"0\" width=\"" + WIDTH + "\" height=\"" + height + "\" fill=\"#ffffff\"/>\n");
        out.write("<text x=\"12\" y=\"22\" font-size=\"15\" font-weight=\"bold\">" + Escaping.escape(title) + "</text>\n");
        double lx = LEFT;
        for (int t = 0; t < TICKS.length; t++) {
            out.write("<line x1=\"" + Fmt.px(lx) + "\" y1=\"34\" x2=\"" + Fmt.px(lx) + "\" y2=\"46\" stroke=\"#111\" stroke-width=\"2\""
                    + (DASH[t].isEmpty() ? "" : " stroke-dasharray=\"" + DASH[t] + "\"") + "/><text x=\"" + Fmt.px(lx + 6)
                    + "\" y=\"44\">" + Escaping.escape(TICKS[t]) + "</text>\n");
            lx += 130;
        }
        out.write("<text x=\"" + Fmt.px(lx) + "\" y=\"44\">bar: until every device settled; gain measured against sync</text>\n");
        axis.write(out, top, axisY);
        for (int i = 0; i < c.summary().size(); i++) {
            ModeSummary s = c.summary().get(i);
            Milestones ms = i < c.reports().size() ? c.reports().get(i).milestones() : null;
            band(out, s, ms, axis, top + i * BAND, COLOURS[i % COLOURS.length]);
        }
        out.write("</svg>\n");
    }

    private static void band(Writer out, ModeSummary s, Milestones ms, TimeAxis axis, double y, String colour)
            throws IOException {
        double barY = y + 10;
        double barH = 20;
        double x1 = axis.x(s.allDevicesSettledUs());
        String gain = "sync".equals(s.mode()) ? "baseline" : Fmt.signedTime(s.gainVsSyncUs()) + " vs sync";
        String text = Fmt.time(s.allDevicesSettledUs()) + " (" + gain + ")";
        String tip = s.mode() + ": all devices settled at " + Fmt.time(s.allDevicesSettledUs()) + ", " + gain + "; "
                + s.bound() + " bound, " + s.failed() + " failed, " + s.notBound() + " not bound, " + s.killedEvents()
                + " killed udev event(s), " + s.errors() + " error(s), " + s.warnings() + " warning(s)";
        out.write("<g class=\"mode\"><title>" + Escaping.escape(tip) + "</title>\n");
        out.write("<text x=\"" + (LEFT - 8) + "\" y=\"" + Fmt.px(barY + 14) + "\" text-anchor=\"end\" font-size=\"13\" font-weight=\"bold\">"
                + Escaping.escape(s.mode()) + "</text>\n");
        out.write("<rect x=\"" + Fmt.px(axis.x0) + "\" y=\"" + Fmt.px(barY) + "\" width=\"" + Fmt.px(Math.max(1, x1 - axis.x0))
                + "\" height=\"" + Fmt.px(barH) + "\" fill=\"" + colour + "\" fill-opacity=\"0.8\"/>\n");
        Long[] at = {s.initStartUs(), ms == null ? null : ms.rootMountedUs(), s.udevSettledUs()};
        for (int t = 0; t < at.length; t++) {
            if (at[t] == null) {
                continue;
            }
            String x = Fmt.px(axis.x(at[t]));
            out.write("<line x1=\"" + x + "\" y1=\"" + Fmt.px(barY - 4) + "\" x2=\"" + x + "\" y2=\"" + Fmt.px(barY + barH + 4)
                    + "\" stroke=\"#111\" stroke-width=\"2\"" + (DASH[t].isEmpty() ? "" : " stroke-dasharray=\"" + DASH[t] + "\"")
                    + "><title>" + Escaping.escape(TICKS[t] + " at " + Fmt.time(at[t])) + "</title></line>\n");
        }
        boolean inside = x1 > axis.x0 + axis.width * 0.75;
        out.write("<text x=\"" + Fmt.px(inside ? x1 - 6 : x1 + 6) + "\" y=\"" + Fmt.px(barY + 14) + "\""
                + (inside ? " text-anchor=\"end\" fill=\"#ffffff\" font-weight=\"bold\"" : "") + " font-size=\"12\">"
                + Escaping.escape(text) + "</text>\n");
        out.write("</g>\n");
    }
}
