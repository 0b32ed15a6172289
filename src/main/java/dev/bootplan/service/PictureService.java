package dev.bootplan.service;

import dev.bootplan.advice.Advice;
import dev.bootplan.render.AdviceHtml;
import dev.bootplan.render.AdviceSvg;
import dev.bootplan.render.ComparisonSvg;
import dev.bootplan.render.HtmlReport;
import dev.bootplan.render.TimelineSvg;
import dev.bootplan.report.Comparison;
import dev.bootplan.report.Report;
import java.io.IOException;
import java.io.Writer;
import org.springframework.stereotype.Service;

/** Draws reports and comparisons: the timeline or comparison SVG, or a self-contained HTML page around it. */
@Service
public class PictureService {

    private final TimelineSvg timeline = new TimelineSvg();
    private final ComparisonSvg comparison = new ComparisonSvg();
    private final HtmlReport html = new HtmlReport();

    public void timelineSvg(Report report, Writer out) throws IOException {
        timeline.write(report, out);
    }

    public void reportPage(Report report, Writer out) throws IOException {
        html.write(report, out);
    }

    public void comparisonSvg(Comparison c, Writer out) throws IOException {
        comparison.write(c, out);
    }

    public void comparisonPage(Comparison c, Writer out) throws IOException {
        html.write(c, out);
    }

    public void adviceSvg(Advice advice, Writer out) throws IOException {
        new AdviceSvg().write(advice, out);
    }

    public void advicePage(Advice advice, Writer out) throws IOException {
        new AdviceHtml().write(advice, out);
    }
}
