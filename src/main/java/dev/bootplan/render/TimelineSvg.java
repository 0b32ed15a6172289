package dev.bootplan.render;

import dev.bootplan.report.Finding;
import dev.bootplan.report.ObservedBoot;
import dev.bootplan.report.ModuleOutcome;
import dev.bootplan.report.Report;
import dev.bootplan.report.Span;
import dev.bootplan.report.SpanKind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A boot's timeline (simulated, or observed in a log) as one SVG: a row per lane, spans coloured by kind, milestones as vertical rules, udev
 * warning-to-kill windows, findings marked under the time axis. Spans narrower than a pixel are merged, so the
 * element count is bounded by the picture's size, not by the number of spans. Output depends only on the report.
 */
public final class TimelineSvg {

    static final int WIDTH = 1400;
    static final int LEFT = 150;
    private static final int RIGHT = 30;
    /** More lanes than this: thin rows, no names inside spans. */
    static final int LABELLED_LANES = 64;
    /** Room for the time axis' labels above the lanes. */
    private static final int TOP_AXIS = 16;

    /** The SVG as a string. */
    public String render(Report report) {
        StringWriter w = new StringWriter(16_384);
        try {
            write(report, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public void write(Report report, Writer out) throws IOException {
        write(Chart.of(report), out);
    }

    /** A boot read from a log, drawn like a simulated one. */
    public void write(ObservedBoot boot, Writer out) throws IOException {
        write(Chart.of(boot), out);
    }

    private void write(Chart chart, Writer out) throws IOException {
        Map<String, List<Span>> lanes = Lanes.byLane(chart.timeline());
        long maxUs = chart.endUs();
        for (Span s : chart.timeline()) {
            maxUs = Math.max(maxUs, s.endUs());
        }
        for (ModuleOutcome m : chart.modules()) {
            if (m.killed() && m.killAtUs() != null) {
                maxUs = Math.max(maxUs, m.killAtUs());
            }
        }
        for (Finding f : chart.warnings()) {
            if (f.atUs() != null) {
                maxUs = Math.max(maxUs, f.atUs());
            }
        }
        TimeAxis axis = new TimeAxis(maxUs, LEFT, WIDTH - LEFT - RIGHT);

        List<LaneRows.Row> rows = LaneRows.of(lanes);
        int n = rows.size();
        boolean labels = n <= LABELLED_LANES;
        int rowH = labels ? 22 : Math.max(4, Math.min(16, 1024 / n));
        List<List<Lanes.Bar>> bars = new ArrayList<>(n);
        int merged = 0;
        int mergedBars = 0;
        Set<SpanKind> kinds = EnumSet.noneOf(SpanKind.class);
        for (LaneRows.Row row : rows) {
            List<Lanes.Bar> lb = Lanes.bars(row.spans(), axis);
            bars.add(lb);
            for (Lanes.Bar b : lb) {
                if (b.count() > 1) {
                    merged += b.count();
                    mergedBars++;
                }
            }
            for (Span s : row.spans()) {
                kinds.add(s.kind());
            }
        }

        List<Chart.Marker> milestones = chart.milestones();
        Legend legend = new Legend(LEFT, WIDTH - RIGHT);
        for (SpanKind k : kinds) {
            legend.swatch(Palette.kind(k), k.name());
        }
        if (merged > 0) {
            legend.swatch(Palette.MIXED, merged + " sub-pixel spans merged into " + mergedBars + " bars");
        }
        if (chart.modules().stream().anyMatch(m -> m.warned() || m.killed())) {
            legend.window("udev warning → kill window");
        }
        boolean contended = chart.timeline().stream().anyMatch(s -> s.contendedUs() > 0);
        if (contended) {
            legend.contended("waiting for a CPU (beyond its own time)");
        }
        double legendTop = 34;
        double milestoneTop = legendTop + legend.height() + 8;
        double lanesTop = milestoneTop + milestones.size() * 13 + 6 + TOP_AXIS;
        double lanesBottom = lanesTop + Math.max(1, n) * rowH;
        double axisY = lanesBottom + 4;
        int height = (int) Math.ceil(axisY + 56);

        out.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + height + "\" viewBox=\"0 0 "
                + WIDTH + " " + height + "\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"11\" role=\"img\">\n");
        String title = chart.title();
        out.write("<title>" + Escaping.escape(title) + "</title>\n");
        out.write("<rect x=\"0\" y=\"0\" width=\"" + WIDTH + "\" height=\"" + height + "\" fill=\"#ffffff\"/>\n");
        out.write("<text x=\"12\" y=\"22\" font-size=\"15\" font-weight=\"bold\">" + Escaping.escape(title) + "</text>\n");
        legend.write(out, legendTop);
        axis.write(out, lanesTop - 1, axisY);
        axis.writeTop(out, lanesTop - 1);
        writeLanes(out, rows, bars, axis, lanesTop, rowH, labels);
        Marks.writeUdevWindows(out, chart, rows, axis, lanesTop, rowH, axisY);
        Marks.writeMilestones(out, milestones, axis, milestoneTop, axisY);
        Marks.writeFindings(out, chart.warnings(), axis, axisY + 24);
        if (n == 0) {
            out.write("<text x=\"" + LEFT + "\" y=\"" + Fmt.px(lanesTop + 15) + "\">no spans</text>\n");
        }
        out.write("</svg>\n");
    }

    private static void writeLanes(Writer out, List<LaneRows.Row> rows, List<List<Lanes.Bar>> bars, TimeAxis axis, double top,
            int rowH, boolean labels) throws IOException {
        int labelEvery = labels ? 1 : (int) Math.ceil(12.0 / rowH);
        out.write("<g class=\"lanes\">\n");
        for (int i = 0; i < rows.size(); i++) {
            LaneRows.Row row = rows.get(i);
            double y = top + i * rowH;
            if (i % 2 == 1) {
                out.write("<rect x=\"" + LEFT + "\" y=\"" + Fmt.px(y) + "\" width=\"" + Fmt.px(axis.width) + "\" height=\"" + rowH
                        + "\" fill=\"#f4f4f4\"/>\n");
            }
            if (i % labelEvery == 0 || row.collapsed()) {
                out.write("<text x=\"" + (LEFT - 8) + "\" y=\"" + Fmt.px(y + Math.min(rowH, 12) / 2.0 + 4)
                        + "\" text-anchor=\"end\"" + (labels ? "" : " font-size=\"9\"") + (row.collapsed() ? " font-weight=\"bold\"" : "")
                        + ">" + Escaping.escape(row.label()) + "</text>\n");
            }
            for (Lanes.Bar b : bars.get(i)) {
                writeBar(out, row, b, y, rowH, labels);
            }
        }
        out.write("</g>\n");
    }

    private static void writeBar(Writer out, LaneRows.Row row, Lanes.Bar b, double rowY, int rowH, boolean labels)
            throws IOException {
        // Written piece by piece, not concatenated first: a large log draws thousands of bars.
        double inset = rowH >= 12 ? 1 + b.depth() * 3 : Math.min(b.depth(), rowH / 2 - 1);
        double y = rowY + inset;
        double h = Math.max(1, rowH - 2 * inset);
        String name = b.span() == null ? null : row.collapsed() ? row.summary() : b.span().subject();
        String label = labels && b.leaf() && name != null ? fit(name, b.w() - 4, b.depth() == 0 ? 6.2 : 5.6) : null;
        if (label != null) {
            out.write("<g><title>");
            writeTip(out, row, b);
            out.write("</title>");
        }
        out.write("<rect x=\"");
        out.write(Fmt.px(b.x()));
        out.write("\" y=\"");
        out.write(Fmt.px(y));
        out.write("\" width=\"");
        out.write(Fmt.px(b.w()));
        out.write("\" height=\"");
        out.write(Fmt.px(h));
        out.write("\" fill=\"");
        out.write(b.kind() == null ? Palette.MIXED : Palette.kind(b.kind()));
        out.write(rowH >= 8 ? "\" stroke=\"#ffffff\" stroke-width=\"0.5\"" : "\"");
        if (label == null) {
            out.write("><title>");
            writeTip(out, row, b);
            out.write("</title></rect>\n");
        } else {
            out.write("/><text x=\"" + Fmt.px(b.x() + 2) + "\" y=\"" + Fmt.px(y + h / 2 + 3.5) + "\" font-size=\""
                    + (b.depth() == 0 ? "10" : "9") + "\" fill=\"#111\">" + Escaping.escape(label) + "</text></g>\n");
        }
        writeContention(out, b, y, h);
    }

    /** A span slowed by others is longer than its own time: shade the part it lost, at its end. */
    private static void writeContention(Writer out, Lanes.Bar b, double y, double h) throws IOException {
        Span s = b.span();
        if (s == null || s.contendedUs() == 0) {
            return;
        }
        double lost = b.w() * s.contendedUs() / Math.max(1, s.endUs() - s.startUs());
        if (lost >= 1) {
            out.write("<rect x=\"" + Fmt.px(b.x() + b.w() - lost) + "\" y=\"" + Fmt.px(y) + "\" width=\"" + Fmt.px(lost)
                    + "\" height=\"" + Fmt.px(h) + "\" fill=\"" + Palette.CONTENDED + "\" fill-opacity=\"0.35\" pointer-events=\"none\"/>\n");
        }
    }

    /** The hover text of a bar: what it is, on which lane, from when to when. */
    private static void writeTip(Writer out, LaneRows.Row row, Lanes.Bar b) throws IOException {
        String lane = row.label();
        String tip;
        if (row.collapsed()) {
            tip = row.summary() + " (" + row.members().getFirst() + " … " + row.members().getLast() + "), "
                    + Fmt.time(b.startUs()) + " → " + Fmt.time(b.endUs()) + " (" + Fmt.time(b.endUs() - b.startUs()) + ")";
        } else if (b.span() == null) {
            tip = b.count() + " spans merged (" + (b.kind() == null ? "mixed kinds" : b.kind().name()) + ") on " + lane + ", "
                    + Fmt.time(b.startUs()) + " → " + Fmt.time(b.endUs());
        } else {
            Span s = b.span();
            tip = s.subject() + " — " + s.kind().name() + " on " + lane + ", " + Fmt.time(s.startUs()) + " → "
                    + Fmt.time(s.endUs()) + " (" + Fmt.time(s.endUs() - s.startUs())
                    + (s.contendedUs() > 0 ? ", of which " + Fmt.time(s.contendedUs()) + " waiting for a CPU" : "") + ")";
        }
        out.write(Escaping.escape(tip));
    }

    /** The name if it fits in {@code room} pixels, else elided with "…" if at least three characters fit, else null. */
    static String fit(String name, double room, double charW) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        int max = (int) Math.floor(room / charW);
        if (name.codePointCount(0, name.length()) <= max) {
            return name;
        }
        if (max < 4) {
            return null;
        }
        return name.substring(0, name.offsetByCodePoints(0, max - 1)) + "…";
    }
}
