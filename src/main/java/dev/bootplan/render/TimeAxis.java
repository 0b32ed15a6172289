package dev.bootplan.render;

import java.io.IOException;
import java.io.Writer;

/**
 * A time axis from 0 to a "nice" end: ticks every 1, 2 or 5 × 10^k µs, labelled in one unit (µs, ms or s) with
 * just the decimals the step needs. Maps microseconds to pixels.
 */
final class TimeAxis {

    final long endUs;
    final long stepUs;
    final double x0;
    final double width;
    private final long unitUs;
    private final String unit;
    private final int decimals;

    TimeAxis(long maxUs, double x0, double width) {
        this.x0 = x0;
        this.width = width;
        long max = Math.max(1, maxUs);
        long target = Math.max(2, Math.round(width / 110));
        long raw = Math.max(1, (max + target - 1) / target);
        long mag = 1;
        while (mag * 10 <= raw) {
            mag *= 10;
        }
        long step = mag;
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        this.stepUs = step;
        this.endUs = (max + step - 1) / step * step;
        this.unitUs = endUs >= 2_000_000 ? 1_000_000 : endUs >= 2_000 ? 1_000 : 1;
        this.unit = unitUs == 1_000_000 ? "s" : unitUs == 1_000 ? "ms" : "µs";
        int d = 0;
        long scale = 1;
        while ((step * scale) % unitUs != 0) {
            d++;
            scale *= 10;
        }
        this.decimals = d;
    }

    double x(long us) {
        return x0 + (double) us * width / endUs;
    }

    /** Pixels per microsecond. */
    double scale() {
        return width / endUs;
    }

    String label(long us) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long scaled = us * scale / unitUs;
        String s = Long.toString(scaled / scale);
        if (decimals > 0) {
            String frac = Long.toString(scaled % scale);
            s += "." + "0".repeat(decimals - frac.length()) + frac;
        }
        return s + " " + unit;
    }

    /** The same labels above a line at {@code y}: a long chart reads its times without scrolling to the bottom. */
    void writeTop(Writer out, double y) throws IOException {
        out.write("<g class=\"axis top\">\n");
        for (long t = 0; t <= endUs; t += stepUs) {
            out.write("<text x=\"" + Fmt.px(x(t)) + "\" y=\"" + Fmt.px(y - 5) + "\" text-anchor=\"middle\" font-size=\"11\">"
                    + Escaping.escape(label(t)) + "</text>\n");
        }
        out.write("<line x1=\"" + Fmt.px(x0) + "\" y1=\"" + Fmt.px(y) + "\" x2=\"" + Fmt.px(x0 + width) + "\" y2=\""
                + Fmt.px(y) + "\" stroke=\"#444\" stroke-width=\"1\"/>\n");
        out.write("</g>\n");
    }

    /** Grid lines from {@code top} to {@code bottom}, the axis line at {@code bottom}, labels under it. */
    void write(Writer out, double top, double bottom) throws IOException {
        out.write("<g class=\"axis\">\n");
        for (long t = 0; t <= endUs; t += stepUs) {
            String x = Fmt.px(x(t));
            out.write("<line x1=\"" + x + "\" y1=\"" + Fmt.px(top) + "\" x2=\"" + x + "\" y2=\"" + Fmt.px(bottom + 4)
                    + "\" stroke=\"#e3e3e3\" stroke-width=\"1\"/>\n");
            out.write("<text x=\"" + x + "\" y=\"" + Fmt.px(bottom + 16) + "\" text-anchor=\"middle\" font-size=\"11\">"
                    + Escaping.escape(label(t)) + "</text>\n");
        }
        out.write("<line x1=\"" + Fmt.px(x0) + "\" y1=\"" + Fmt.px(bottom) + "\" x2=\"" + Fmt.px(x0 + width) + "\" y2=\""
                + Fmt.px(bottom) + "\" stroke=\"#444\" stroke-width=\"1\"/>\n");
        out.write("</g>\n");
    }
}
