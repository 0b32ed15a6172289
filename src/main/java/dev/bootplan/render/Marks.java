package dev.bootplan.render;

import dev.bootplan.report.Finding;
import dev.bootplan.report.ModuleOutcome;
import dev.bootplan.report.Span;
import dev.bootplan.report.SpanKind;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a timeline draws over its lanes: udev warning-to-kill windows, milestones as rules, findings under the axis. */
final class Marks {

    private Marks() {}

    static void writeUdevWindows(Writer out, Chart report, List<LaneRows.Row> rows, TimeAxis axis, double lanesTop,
            int rowH, double axisY) throws IOException {
        Map<String, Integer> laneIndex = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            for (String lane : rows.get(i).members()) {
                laneIndex.put(lane, i);
            }
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

    static void writeMilestones(Writer out, List<Chart.Marker> milestones, TimeAxis axis, double top, double axisY)
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

    static void writeFindings(Writer out, List<Finding> findings, TimeAxis axis, double y) throws IOException {
        for (Finding f : findings) {
            if (f.atUs() == null) {
                continue;
            }
            String tip = f.code() + " (" + f.severity() + ") " + f.subject() + " at " + Fmt.time(f.atUs()) + ": " + f.message();
            out.write("<path d=\"M" + Fmt.px(axis.x(f.atUs())) + "," + Fmt.px(y) + " l-5,9 h10 z\" fill=\""
                    + Palette.severity(f.severity()) + "\" fill-opacity=\"0.85\"><title>" + Escaping.escape(tip) + "</title></path>\n");
        }
        if (findings.stream().anyMatch(f -> f.atUs() != null)) {
            out.write("<text x=\"" + (TimelineSvg.LEFT - 8) + "\" y=\"" + Fmt.px(y + 9) + "\" text-anchor=\"end\" font-size=\"10\">findings</text>\n");
        }
    }
}
