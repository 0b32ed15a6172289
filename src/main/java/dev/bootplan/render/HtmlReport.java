package dev.bootplan.render;

import dev.bootplan.report.Comparison;
import dev.bootplan.report.DeviceLimit;
import dev.bootplan.report.Finding;
import dev.bootplan.report.Milestones;
import dev.bootplan.report.ModeSummary;
import dev.bootplan.report.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One self-contained, printable HTML page: inline style, the SVG inline, no script and no external request
 * (a Content-Security-Policy meta tag forbids both, so a name that slipped past escaping still could not run).
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font-family:"DejaVu Sans",Verdana,sans-serif;margin:24px;color:#111;background:#fff}
            h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:24px 0 8px}
            table{border-collapse:collapse;margin:4px 0 12px;font-size:13px}
            th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f0f0f0}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .chart{overflow-x:auto}.chart svg{max-width:none}
            @media (min-width:1000px){.chart svg{max-width:100%;height:auto}}
            .error{color:#c62828;font-weight:bold}.warning{color:#e65100}.info{color:#1565c0}
            .muted{color:#666}
            """ + Headline.STYLE + """
            @media print{body{margin:0}.chart{overflow:visible}.chart svg{width:100%;height:auto}
            h2{break-after:avoid}tr{break-inside:avoid}table{page-break-inside:auto}}
            @page{size:A4 landscape;margin:12mm}
            """;

    public String render(Report report) {
        StringWriter w = new StringWriter(32_768);
        try {
            write(report, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public String render(Comparison comparison) {
        StringWriter w = new StringWriter(32_768);
        try {
            write(comparison, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** The verdict first, then what to fix (the findings with their remedies), then the chart, then the details. */
    public void write(Report r, Writer out) throws IOException {
        head(out, r.plan() + " — " + r.mode() + " boot prediction");
        out.write("<h1>" + Escaping.escape(r.plan()) + " — predicted boot, " + Escaping.escape(r.mode()) + " mode, kernel "
                + Escaping.escape(r.kernelVersion()) + "</h1>\n");
        Headline.of(r).write(out);
        findings(out, r);
        out.write("<h2>Timeline</h2>\n<div class=\"chart\">\n");
        new TimelineSvg().write(r, out);
        out.write("</div>\n");
        uncertainty(out, r);
        limits(out, r);
        Milestones ms = r.milestones();
        out.write("<h2>Details</h2>\n<table class=\"summary\">\n");
        row(out, "Plan", r.plan());
        row(out, "Mode", r.mode());
        row(out, "Kernel", r.kernelVersion());
        row(out, "Initcalls done", Fmt.time(ms.initcallsDoneUs()));
        row(out, "/init starts", time(ms.initStartUs()));
        row(out, "Root mounted", time(ms.rootMountedUs()));
        row(out, "udev settled", time(ms.udevSettledUs()));
        row(out, "All devices settled", Fmt.time(ms.allDevicesSettledUs()));
        row(out, "Tainted", r.tainted() ? "yes" : "no");
        out.write("</table>\n</body>\n</html>\n");
    }

    public void write(Comparison c, Writer out) throws IOException {
        head(out, c.plan() + " — four probing modes");
        out.write("<h1>" + Escaping.escape(c.plan()) + " — four probing modes</h1>\n");
        out.write("<p>Kernel " + Escaping.escape(c.kernelVersion()) + ". Gains are measured against sync.</p>\n");
        Headline.of(c).write(out);
        out.write("<div class=\"chart\">\n");
        new ComparisonSvg().write(c, out);
        out.write("</div>\n<h2>Summary</h2>\n<table>\n<tr><th>Mode</th><th>/init starts</th><th>udev settled</th>"
                + "<th>All devices settled</th><th>Gain vs sync</th><th>Bound</th><th>Failed</th><th>Not bound</th>"
                + "<th>Killed udev events</th><th>Errors</th><th>Warnings</th></tr>\n");
        for (ModeSummary s : c.summary()) {
            out.write("<tr><td>" + Escaping.escape(s.mode()) + "</td>" + num(time(s.initStartUs())) + num(time(s.udevSettledUs()))
                    + num(Fmt.time(s.allDevicesSettledUs())) + num(Fmt.signedTime(s.gainVsSyncUs())) + num(s.bound())
                    + num(s.failed()) + num(s.notBound()) + num(s.killedEvents()) + num(s.errors()) + num(s.warnings()) + "</tr>\n");
        }
        out.write("</table>\n");
        for (Report r : c.reports()) {
            out.write("<h2>" + Escaping.escape(r.mode()) + ": findings</h2>\n");
            findingsTable(out, r);
        }
        out.write("</body>\n</html>\n");
    }

    private static void head(Writer out, String title) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + Escaping.escape(title)
                + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
    }

    private static void findings(Writer out, Report r) throws IOException {
        out.write("<h2>Findings</h2>\n");
        findingsTable(out, r);
    }

    private static void findingsTable(Writer out, Report r) throws IOException {
        if (r.warnings().isEmpty()) {
            out.write("<p class=\"muted\">No findings.</p>\n");
            return;
        }
        out.write("<table class=\"findings\">\n<tr><th>Severity</th><th>Code</th><th>Subject</th><th>At (— plan-wide)</th><th>What happens</th>"
                + "<th>Remedy</th></tr>\n");
        // Errors first, then warnings, then information; each in the report's order (by time, then code).
        List<Finding> bySeverity = new ArrayList<>(r.warnings());
        bySeverity.sort(Comparator.comparingInt((Finding f) -> -f.severity().ordinal()));
        for (Finding f : bySeverity) {
            out.write("<tr><td class=\"" + f.severity().name() + "\">" + f.severity().name() + "</td><td>" + f.code().name() + "</td><td>"
                    + Escaping.escape(f.subject()) + "</td>" + num(f.atUs() == null ? "—" : Fmt.time(f.atUs())) + "<td>" + Escaping.escape(f.message()) + "</td><td>"
                    + Escaping.escape(f.remedy()) + "</td></tr>\n");
        }
        out.write("</table>\n");
    }

    /** How far the milestones could move while some CPU shares are not known; nothing when all are. */
    private static void uncertainty(Writer out, Report r) throws IOException {
        if (r.uncertainty() == null) {
            return;
        }
        var u = r.uncertainty();
        out.write("<h2>Uncertainty</h2>\n<p>" + u.unknownShares() + " CPU share(s) of the plan are estimated or unknown. The"
                + " bounds take them all as waiting and all as CPU.</p>\n<table class=\"bounds\">\n<tr><th>Milestone</th>"
                + "<th>Predicted</th><th>Earliest</th><th>Latest</th></tr>\n");
        for (var b : u.milestones()) {
            out.write("<tr><td>" + Escaping.escape(b.milestone()) + "</td>" + num(time(b.predictedUs())) + num(time(b.lowUs()))
                    + num(time(b.highUs())) + "</tr>\n");
        }
        out.write("</table>\n<p>What would narrow it most:</p>\n<ul>\n");
        for (String n : u.narrowedBy()) {
            out.write("<li>" + Escaping.escape(n) + "</li>\n");
        }
        out.write("</ul>\n");
    }

    private static void limits(Writer out, Report r) throws IOException {
        out.write("<h2>Device limits</h2>\n");
        if (r.deviceLimits().isEmpty()) {
            out.write("<p class=\"muted\">No driver is bounded by the udev timeout.</p>\n");
            return;
        }
        out.write("<table class=\"limits\">\n<tr><th>Driver</th><th>Devices</th><th>Limit</th><th>Headroom</th><th>At T = 30 s</th>"
                + "<th>At T = 60 s</th><th>At T = 180 s</th><th>Rule</th></tr>\n");
        for (DeviceLimit d : r.deviceLimits()) {
            var at = d.limits();
            out.write("<tr><td>" + Escaping.escape(d.driver()) + "</td>" + num(d.devices()) + num(opt(d.limit())) + num(opt(d.headroom()))
                    + num(at == null ? "—" : opt(at.t30s())) + num(at == null ? "—" : opt(at.t60s()))
                    + num(at == null ? "—" : opt(at.t180s())) + "<td>" + Escaping.escape(d.rule()) + "</td></tr>\n");
        }
        out.write("</table>\n");
    }

    private static void row(Writer out, String name, String value) throws IOException {
        out.write("<tr><th>" + Escaping.escape(name) + "</th><td>" + Escaping.escape(value) + "</td></tr>\n");
    }

    private static String num(Object v) {
        return "<td class=\"num\">" + Escaping.escape(String.valueOf(v)) + "</td>";
    }

    private static String opt(Integer v) {
        return v == null ? "unbounded" : v.toString();
    }

    private static String time(Long us) {
        return us == null ? "never" : Fmt.time(us);
    }
}
