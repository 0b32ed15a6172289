package dev.bootplan.render;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** Legend items laid out left to right, wrapping at the right edge. */
final class Legend {

    private static final int ROW = 17;
    private final double left;
    private final double right;
    private final List<String[]> items = new ArrayList<>();

    Legend(double left, double right) {
        this.left = left;
        this.right = right;
    }

    void swatch(String colour, String text) {
        items.add(new String[] {"swatch", colour, text});
    }

    void window(String text) {
        items.add(new String[] {"window", Palette.WARN_WINDOW, text});
    }

    /** The shade drawn over the part of a span lost to CPU contention. */
    void contended(String text) {
        items.add(new String[] {"contended", Palette.CONTENDED, text});
    }

    private static double width(String text) {
        return 14 + 6.3 * text.length() + 18;
    }

    double height() {
        return rows() * ROW;
    }

    private int rows() {
        int rows = items.isEmpty() ? 0 : 1;
        double x = left;
        for (String[] it : items) {
            if (x + width(it[2]) > right && x > left) {
                rows++;
                x = left;
            }
            x += width(it[2]);
        }
        return rows;
    }

    void write(Writer out, double top) throws IOException {
        out.write("<g class=\"legend\">\n");
        double x = left;
        double y = top;
        for (String[] it : items) {
            if (x + width(it[2]) > right && x > left) {
                y += ROW;
                x = left;
            }
            String extra = it[0].equals("window") ? " fill-opacity=\"0.3\" stroke=\"" + it[1] + "\""
                    : it[0].equals("contended") ? " fill-opacity=\"0.35\" stroke=\"#555555\" stroke-width=\"0.5\"" : "";
            out.write("<rect x=\"" + Fmt.px(x) + "\" y=\"" + Fmt.px(y) + "\" width=\"11\" height=\"11\" fill=\"" + it[1] + "\"" + extra
                    + "/><text x=\"" + Fmt.px(x + 15) + "\" y=\"" + Fmt.px(y + 10) + "\">" + Escaping.escape(it[2]) + "</text>\n");
            x += width(it[2]);
        }
        out.write("</g>\n");
    }
}
