package dev.bootplan.render;

import java.io.IOException;
import java.io.Writer;

/**
 * The frame the bar pictures share (the four modes, the advice's before and after): the SVG element, its title, and
 * the legend of the milestone ticks each bar carries.
 */
final class MilestoneBars {

    static final int WIDTH = 1400;
    /** The milestones a bar marks, in the order {@link #DASH} draws them. */
    static final String[] TICKS = {"/init starts", "root mounted", "udev settled"};
    static final String[] DASH = {"", "4 2", "1.5 1.5"};

    private MilestoneBars() {}

    /** Opens the picture: element, title, background, heading, and the tick legend ending with {@code barLegend}. */
    static void open(Writer out, String title, int height, double legendX, String barLegend) throws IOException {
        out.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + height + "\" viewBox=\"0 0 "
                + WIDTH + " " + height + "\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"11\" role=\"img\">\n");
        out.write("<title>" + Escaping.escape(title) + "</title>\n");
        out.write("<rect x=\"0\" y=\"0\" width=\"" + WIDTH + "\" height=\"" + height + "\" fill=\"#ffffff\"/>\n");
        out.write("<text x=\"12\" y=\"22\" font-size=\"15\" font-weight=\"bold\">" + Escaping.escape(title) + "</text>\n");
        double lx = legendX;
        for (int t = 0; t < TICKS.length; t++) {
            out.write("<line x1=\"" + Fmt.px(lx) + "\" y1=\"34\" x2=\"" + Fmt.px(lx) + "\" y2=\"46\" stroke=\"#111\" stroke-width=\"2\""
                    + (DASH[t].isEmpty() ? "" : " stroke-dasharray=\"" + DASH[t] + "\"") + "/><text x=\"" + Fmt.px(lx + 6)
                    + "\" y=\"44\">" + Escaping.escape(TICKS[t]) + "</text>\n");
            lx += 130;
        }
        out.write("<text x=\"" + Fmt.px(lx) + "\" y=\"44\">" + Escaping.escape(barLegend) + "</text>\n");
    }
}
