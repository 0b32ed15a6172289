package dev.bootplan.service;

import dev.bootplan.engine.mode.AsyncMode;
import dev.bootplan.engine.mode.ProbingMode;
import dev.bootplan.ingest.ImportFailedException;
import dev.bootplan.ingest.ImportIssue;
import dev.bootplan.ingest.IssueSeverity;
import dev.bootplan.ingest.dmesg.BootLog;
import dev.bootplan.ingest.dmesg.DmesgParser;
import dev.bootplan.ingest.dmesg.ObservedTimeline;
import dev.bootplan.ingest.dmesg.PlanFromLog;
import dev.bootplan.ingest.dmesg.PredictionVsLog;
import dev.bootplan.ingest.dmesg.ShareFit;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.render.TimelineSvg;
import dev.bootplan.report.ObservedBoot;
import dev.bootplan.report.PredictionCheck;
import dev.bootplan.report.Report;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reads a dmesg with initcall_debug: the observed boot, a plan that replays it, and checks of a prediction. */
@Service
public class DmesgImportService {

    /** What one import gives: the parse, the plan built from it and the observed boot, with every issue in line order. */
    public record Imported(BootLog log, PlanFromLog.Result plan, ObservedBoot observed, List<ImportIssue> issues) {}

    /** A prediction held against a log, with both boots (for a trace) and the log's issues. */
    public record Checked(PredictionCheck check, Report predicted, ObservedBoot observed, List<ImportIssue> issues,
            long issuesDropped) {}

    private final EvaluationService evaluations;
    private final Admission admission;

    DmesgImportService(EvaluationService evaluations, Admission admission) {
        this.evaluations = evaluations;
        this.admission = admission;
    }

    /** Parsing a large log is CPU work like a simulation: it takes a turn on a simulation thread. */
    public Imported importLog(String source, Reader log, String kernelVersion, String name) {
        return admission.run(stop -> importNow(source, log, kernelVersion, name));
    }

    private Imported importNow(String source, Reader log, String kernelVersion, String name) {
        BootLog parsed = parse(source, log, kernelVersion);
        PlanFromLog.Result plan = new PlanFromLog().build(parsed, name == null ? "imported-" + source : name);
        List<ImportIssue> issues = new ArrayList<>(parsed.issues());
        issues.addAll(plan.issues());
        issues.sort(Comparator.comparingInt(ImportIssue::line).thenComparingInt(ImportIssue::column));
        return new Imported(parsed, plan, ObservedTimeline.of(parsed), issues);
    }

    /** One log of a calibration: its name and text. */
    public record Source(String name, Reader text) {}

    /** A calibration: the fit, and every log's issues in line order. */
    public record Calibrated(ShareFit.Result fit, List<ImportIssue> issues) {}

    /**
     * Calibration from two or more boots of one machine: the plan of the first log, with each driver's and the loads'
     * CPU shares fitted so that every log replays with its own command line ({@link ShareFit}). The whole fit takes one
     * turn on a simulation thread; its simulations are bounded by ShareFit's grid.
     */
    public Calibrated calibrate(List<Source> logs, String kernelVersion, String name) {
        return admission.run(stop -> {
            List<BootLog> parsed = new ArrayList<>();
            List<ImportIssue> issues = new ArrayList<>();
            for (Source s : logs) {
                BootLog log = parse(s.name(), s.text(), kernelVersion);
                parsed.add(log);
                issues.addAll(log.issues());
            }
            PlanFromLog.Result plan = new PlanFromLog().build(parsed.getFirst(), name == null ? "calibrated-" + logs.getFirst().name()
                    : name);
            issues.addAll(plan.issues());
            issues.sort(Comparator.comparing(ImportIssue::source).thenComparingInt(ImportIssue::line)
                    .thenComparingInt(ImportIssue::column));
            ShareFit.Result fit = new ShareFit(m -> evaluations.evaluate(m, new AsyncMode())).fit(plan.manifest(), parsed);
            return new Calibrated(fit, issues);
        });
    }

    /** Only what a chart needs: the parse and the observed boot (no plan is built). */
    public ObservedBoot observe(String source, Reader log, String kernelVersion) {
        return admission.run(stop -> ObservedTimeline.of(parse(source, log, kernelVersion)));
    }

    /** The observed timeline as SVG onto {@code out}. */
    public void draw(ObservedBoot boot, Writer out) throws IOException {
        new TimelineSvg().write(boot, out);
    }

    public Checked check(Manifest manifest, ProbingMode mode, String source, Reader log) {
        return admission.run(stop -> checkNow(manifest, mode, source, log));
    }

    private Checked checkNow(Manifest manifest, ProbingMode mode, String source, Reader log) {
        BootLog parsed = parse(source, log, null); // the log's own version reads its probe return codes
        Report predicted = evaluations.evaluate(manifest, mode);
        PredictionCheck check = PredictionVsLog.check(predicted, parsed);
        return new Checked(check, predicted, ObservedTimeline.of(parsed), parsed.issues(), parsed.issuesDropped());
    }

    private static BootLog parse(String source, Reader log, String kernelVersion) {
        DmesgParser.Options defaults = DmesgParser.Options.defaults();
        BootLog parsed = new DmesgParser(new DmesgParser.Options(kernelVersion, defaults.maxLineChars(), defaults.maxIssues()))
                .parse(source, log);
        if (parsed.issues().stream().anyMatch(i -> i.severity() == IssueSeverity.error)) {
            throw new ImportFailedException("\"" + source + "\" holds no boot to import", parsed.issues());
        }
        return parsed;
    }
}
