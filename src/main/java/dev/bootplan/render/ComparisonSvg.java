package dev.bootplan.render;

import dev.bootplan.report.Comparison;
import dev.bootplan.report.Milestones;
import dev.bootplan.report.ModeSummary;
import dev.bootplan.report.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The four modes stacked on one time axis: a band per mode with a bar to "all devices settled", ticks at /init,
 * root mounted and udev settled, the gain against sync in words, and a red badge on the bar of a mode that loses
 * devices.
 */
public final class ComparisonSvg {

    private static final int WIDTH = MilestoneBars.WIDTH;
    private static final int LEFT = 150;
    private static final int RIGHT = 30;
    private static final int BAND = 40;
    private static final String[] COLOURS = {"#9e9e9e", "#4e79a7", "#f28e2b", "#76b7b2", "#b07aa1", "#59a14f"};
    private static final String[] TICKS = MilestoneBars.TICKS;
    private static final String[] DASH = MilestoneBars.DASH;
    /** Rough glyph widths (px) of the bold 11 px badge text and the 12 px bar text, to decide what fits where. */
    private static final double BADGE_CHAR = 7.0;
    private static final double TEXT_CHAR = 7.2;

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
        MilestoneBars.open(out, title, height, LEFT, "bar: until every device settled; a red badge: devices the mode lost");
        axis.write(out, top, axisY);
        for (int i = 0; i < c.summary().size(); i++) {
            ModeSummary s = c.summary().get(i);
            band(out, s, i < c.reports().size() ? c.reports().get(i) : null, axis, top + i * BAND, COLOURS[i % COLOURS.length]);
        }
        out.write("</svg>\n");
    }

    private static void band(Writer out, ModeSummary s, Report r, TimeAxis axis, double y, String colour)
            throws IOException {
        Milestones ms = r == null ? null : r.milestones();
        Lost lost = r == null ? new Lost(0, java.util.Map.of()) : Lost.of(r);
        double barY = y + 10;
        double barH = 20;
        double x1 = axis.x(s.allDevicesSettledUs());
        String gain = "sync".equals(s.mode()) ? "the baseline" : Fmt.vsSync(s.gainVsSyncUs());
        String text = Fmt.time(s.allDevicesSettledUs()) + " · " + gain;
        String tip = s.mode() + ": all devices settled at " + Fmt.time(s.allDevicesSettledUs()) + ", " + gain + "; "
                + s.bound() + " bound, " + s.failed() + " failed, " + s.notBound() + " not bound, " + s.killedEvents()
                + " killed udev event(s), " + s.errors() + " error(s), " + s.warnings() + " warning(s)";
        out.write("<g class=\"mode\"><title>" + Escaping.escape(tip) + "</title>\n");
        out.write("<text x=\"" + (LEFT - 8) + "\" y=\"" + Fmt.px(barY + 14) + "\" text-anchor=\"end\" font-size=\"13\" font-weight=\"bold\">"
                + Escaping.escape(s.mode()) + "</text>\n");
        out.write("<rect x=\"" + Fmt.px(axis.x0) + "\" y=\"" + Fmt.px(barY) + "\" width=\"" + Fmt.px(Math.max(1, x1 - axis.x0))
                + "\" height=\"" + Fmt.px(barH) + "\" fill=\"" + colour + "\" fill-opacity=\"0.6\""
                + (lost.count() > 0 ? " stroke=\"" + Palette.KILL + "\" stroke-width=\"2\"" : "") + "/>\n");
        // The loss is a red badge on the bar, where the bar starts (the milestone ticks only touch its edges); the time
        // and gain go inside the end of a long bar when they fit beside the badge, else after the bar (and after the
        // badge if the badge sticks out of a short bar). The bar is light enough for dark text on it.
        String badge = lost.describe();
        double badgeW = badge.isEmpty() ? 0 : badge.length() * BADGE_CHAR + 12;
        double textW = text.length() * TEXT_CHAR;
        double badgeEnd = badge.isEmpty() ? axis.x0 : axis.x0 + 4 + badgeW;
        boolean inside = x1 > axis.x0 + axis.width * 0.75 && x1 - badgeEnd >= textW + 12;
        if (!badge.isEmpty()) {
            out.write("<rect class=\"lost\" x=\"" + Fmt.px(axis.x0 + 4) + "\" y=\"" + Fmt.px(barY + 2) + "\" width=\"" + Fmt.px(badgeW)
                    + "\" height=\"" + Fmt.px(barH - 4) + "\" rx=\"3\" fill=\"" + Palette.KILL + "\"/><text x=\"" + Fmt.px(axis.x0 + 10)
                    + "\" y=\"" + Fmt.px(barY + 14) + "\" font-size=\"11\" font-weight=\"bold\" fill=\"#ffffff\">" + Escaping.escape(badge)
                    + "</text>\n");
        }
        Long[] at = {s.initStartUs(), ms == null ? null : ms.rootMountedUs(), s.udevSettledUs()};
        for (int t = 0; t < at.length; t++) {
            if (at[t] == null) {
                continue;
            }
            String x = Fmt.px(axis.x(at[t]));
            // Two stubs, over the bar's top and bottom edges, leave its middle free for the badge and the text.
            out.write("<path d=\"M" + x + "," + Fmt.px(barY - 5) + " V" + Fmt.px(barY + 5) + " M" + x + "," + Fmt.px(barY + barH - 5)
                    + " V" + Fmt.px(barY + barH + 5) + "\" stroke=\"#111\" stroke-width=\"2\""
                    + (DASH[t].isEmpty() ? "" : " stroke-dasharray=\"" + DASH[t] + "\"")
                    + "><title>" + Escaping.escape(TICKS[t] + " at " + Fmt.time(at[t])) + "</title></path>\n");
        }
        double textX = inside ? x1 - 6 : Math.max(x1, badgeEnd) + 6;
        out.write("<text x=\"" + Fmt.px(textX) + "\" y=\"" + Fmt.px(barY + 14) + "\""
                + (inside ? " text-anchor=\"end\" font-weight=\"bold\"" : "") + " font-size=\"12\">"
                + Escaping.escape(text) + "</text>\n");
        out.write("</g>\n");
    }
}
