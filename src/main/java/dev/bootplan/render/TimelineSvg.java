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
import java.util.HashMap;
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
    private static final int LEFT = 150;
    private static final int RIGHT = 30;
    /** More lanes than this: thin rows, no names inside spans. */
    static final int LABELLED_LANES = 64;

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

        int n = lanes.size();
        boolean labels = n <= LABELLED_LANES;
        int rowH = labels ? 22 : Math.max(4, Math.min(16, 1024 / n));
        Map<String, List<Lanes.Bar>> bars = new java.util.LinkedHashMap<>();
        int merged = 0;
        int mergedBars = 0;
        Set<SpanKind> kinds = EnumSet.noneOf(SpanKind.class);
        for (var e : lanes.entrySet()) {
            List<Lanes.Bar> lb = Lanes.bars(e.getValue(), axis);
            bars.put(e.getKey(), lb);
            for (Lanes.Bar b : lb) {
                if (b.count() > 1) {
                    merged += b.count();
                    mergedBars++;
                }
            }
            for (Span s : e.getValue()) {
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
        double lanesTop = milestoneTop + milestones.size() * 13 + 6;
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
        axis.write(out, milestoneTop, axisY);
        writeLanes(out, bars, axis, lanesTop, rowH, labels);
        writeUdevWindows(out, chart, bars.keySet(), axis, lanesTop, rowH, axisY);
        writeMilestones(out, milestones, axis, milestoneTop, axisY);
        writeFindings(out, chart.warnings(), axis, axisY + 24);
        if (n == 0) {
            out.write("<text x=\"" + LEFT + "\" y=\"" + Fmt.px(lanesTop + 15) + "\">no spans</text>\n");
        }
        out.write("</svg>\n");
    }

    private static void writeLanes(Writer out, Map<String, List<Lanes.Bar>> bars, TimeAxis axis, double top, int rowH,
            boolean labels) throws IOException {
        int labelEvery = labels ? 1 : (int) Math.ceil(12.0 / rowH);
        int i = 0;
        out.write("<g class=\"lanes\">\n");
        for (var e : bars.entrySet()) {
            double y = top + i * rowH;
            if (i % 2 == 1) {
                out.write("<rect x=\"" + LEFT + "\" y=\"" + Fmt.px(y) + "\" width=\"" + Fmt.px(axis.width) + "\" height=\"" + rowH
                        + "\" fill=\"#f4f4f4\"/>\n");
            }
            if (i % labelEvery == 0) {
                out.write("<text x=\"" + (LEFT - 8) + "\" y=\"" + Fmt.px(y + Math.min(rowH, 12) / 2.0 + 4)
                        + "\" text-anchor=\"end\"" + (labels ? "" : " font-size=\"9\"") + ">" + Escaping.escape(e.getKey()) + "</text>\n");
            }
            for (Lanes.Bar b : e.getValue()) {
                writeBar(out, e.getKey(), b, y, rowH, labels);
            }
            i++;
        }
        out.write("</g>\n");
    }

    private static void writeBar(Writer out, String lane, Lanes.Bar b, double rowY, int rowH, boolean labels)
            throws IOException {
        // Written piece by piece, not concatenated first: a large log draws thousands of bars.
        double inset = rowH >= 12 ? 1 + b.depth() * 3 : Math.min(b.depth(), rowH / 2 - 1);
        double y = rowY + inset;
        double h = Math.max(1, rowH - 2 * inset);
        String label = labels && b.leaf() && b.span() != null ? fit(b.span().subject(), b.w() - 4, b.depth() == 0 ? 6.2 : 5.6) : null;
        if (label != null) {
            out.write("<g><title>");
            writeTip(out, lane, b);
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
            writeTip(out, lane, b);
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
    private static void writeTip(Writer out, String lane, Lanes.Bar b) throws IOException {
        String tip;
        if (b.span() == null) {
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

    private static void writeUdevWindows(Writer out, Chart report, Set<String> laneNames, TimeAxis axis, double lanesTop,
            int rowH, double axisY) throws IOException {
        Map<String, Integer> laneIndex = new HashMap<>();
        int i = 0;
        for (String l : laneNames) {
            laneIndex.put(l, i++);
        }
        Map<String, String> loadLane = new HashMap<>();
        for (Span s : report.timeline()) {
            if (s.kind() == SpanKind.moduleLoad) {
                loadLane.putIfAbsent(s.subject(), s.lane());
            }
        }
        for (ModuleOutcome m : report.modules()) {
            if (!(m.warned() || m.killed()) || m.warnAtUs() == null) {
                continue;
            }
            Integer row = laneIndex.get(loadLane.get(m.name()));
            double y = row == null ? axisY - 6 : lanesTop + row * rowH;
            double h = row == null ? 6 : rowH;
            long end = m.killed() && m.killAtUs() != null ? m.killAtUs()
                    : m.loadEndUs() != null ? m.loadEndUs() : m.killAtUs() != null ? m.killAtUs() : m.warnAtUs();
            double x0 = axis.x(m.warnAtUs());
            String tip = "udev warned about the event loading " + m.name() + " at " + Fmt.time(m.warnAtUs())
                    + (m.killed() ? "; killed its worker at " + Fmt.time(m.killAtUs())
                            : m.killAtUs() != null ? "; would kill it at " + Fmt.time(m.killAtUs()) : "");
            out.write("<g><title>" + Escaping.escape(tip) + "</title><rect x=\"" + Fmt.px(x0) + "\" y=\"" + Fmt.px(y)
                    + "\" width=\"" + Fmt.px(Math.max(1, axis.x(end) - x0)) + "\" height=\"" + h + "\" fill=\"" + Palette.WARN_WINDOW
                    + "\" fill-opacity=\"0.3\" stroke=\"" + Palette.WARN_WINDOW + "\" stroke-width=\"1\"/>");
            if (m.killed() && m.killAtUs() != null) {
                String x = Fmt.px(axis.x(m.killAtUs()));
                out.write("<line x1=\"" + x + "\" y1=\"" + Fmt.px(y - 2) + "\" x2=\"" + x + "\" y2=\"" + Fmt.px(y + h + 2)
                        + "\" stroke=\"" + Palette.KILL + "\" stroke-width=\"2.5\"/>");
            }
            out.write("</g>\n");
        }
    }

    private static void writeMilestones(Writer out, List<Chart.Marker> milestones, TimeAxis axis, double top, double axisY)
            throws IOException {
        int row = 0;
        for (Chart.Marker m : milestones) {
            long at = m.atUs();
            double x = axis.x(at);
            double y = top + row * 13 + 10;
            boolean right = x > axis.x0 + axis.width * 0.7;
            out.write("<g class=\"milestone\"><line x1=\"" + Fmt.px(x) + "\" y1=\"" + Fmt.px(y - 9) + "\" x2=\"" + Fmt.px(x)
                    + "\" y2=\"" + Fmt.px(axisY) + "\" stroke=\"" + Palette.MILESTONE + "\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>"
                    + "<text x=\"" + Fmt.px(right ? x - 4 : x + 4) + "\" y=\"" + Fmt.px(y) + "\"" + (right ? " text-anchor=\"end\"" : "")
                    + " font-size=\"10\" fill=\"" + Palette.MILESTONE + "\">" + Escaping.escape(m.name() + " " + Fmt.time(at))
                    + "</text></g>\n");
            row++;
        }
    }

    private static void writeFindings(Writer out, List<Finding> findings, TimeAxis axis, double y) throws IOException {
        for (Finding f : findings) {
            if (f.atUs() == null) {
                continue;
            }
            String tip = f.code() + " (" + f.severity() + ") " + f.subject() + " at " + Fmt.time(f.atUs()) + ": " + f.message();
            out.write("<path d=\"M" + Fmt.px(axis.x(f.atUs())) + "," + Fmt.px(y) + " l-5,9 h10 z\" fill=\""
                    + Palette.severity(f.severity()) + "\" fill-opacity=\"0.85\"><title>" + Escaping.escape(tip) + "</title></path>\n");
        }
        if (findings.stream().anyMatch(f -> f.atUs() != null)) {
            out.write("<text x=\"" + (LEFT - 8) + "\" y=\"" + Fmt.px(y + 9) + "\" text-anchor=\"end\" font-size=\"10\">findings</text>\n");
        }
    }
}
