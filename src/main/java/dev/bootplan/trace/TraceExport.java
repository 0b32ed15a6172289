package dev.bootplan.trace;

import dev.bootplan.report.Comparison;
import dev.bootplan.report.ModeSummary;
import dev.bootplan.report.ObservedBoot;
import dev.bootplan.report.PredictionCheck;
import dev.bootplan.report.Report;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every report as a Chrome Trace Event Format document that Perfetto (ui.perfetto.dev), chrome://tracing and
 * speedscope open: one process per mode (or predicted and observed), one track per lane, every span a complete event
 * nesting on its track, milestones and findings as instants, arrows from a module load to the async probes it queued
 * and from a deferral to its retry. Same report, same bytes; written as it goes, in time O(n log n) and extra memory
 * O(n) for n spans (the report itself is bounded by {@code bootplan.limits.max-report-spans}).
 */
public final class TraceExport {

    private static final String GENERATOR = "boot-plan-evaluator";

    private TraceExport() {}

    /** One evaluation: one process named after the plan and mode. */
    public static void evaluation(Report report, DriverModules owners, Writer out) throws IOException {
        Map<String, Object> other = header("evaluation", report.plan(), report.kernelVersion());
        other.put("mode", report.mode());
        TraceWriter.write(List.of(PredictedProcess.of(report.plan() + " (" + report.mode() + ")", report, owners)), other, out);
    }

    /** The four modes, one process each in the comparison's order, with the summary rows in {@code otherData}. */
    public static void comparison(Comparison comparison, DriverModules owners, Writer out) throws IOException {
        Map<String, Object> other = header("comparison", comparison.plan(), comparison.kernelVersion());
        List<Object> rows = new ArrayList<>();
        for (ModeSummary s : comparison.summary()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("mode", s.mode());
            row.put("initStartUs", s.initStartUs());
            row.put("udevSettledUs", s.udevSettledUs());
            row.put("allDevicesSettledUs", s.allDevicesSettledUs());
            row.put("gainVsSyncUs", s.gainVsSyncUs());
            row.put("bound", s.bound());
            row.put("failed", s.failed());
            row.put("notBound", s.notBound());
            rows.add(row);
        }
        other.put("summary", rows);
        List<TraceProcess> processes = new ArrayList<>();
        for (Report r : comparison.reports()) {
            processes.add(PredictedProcess.of(comparison.plan() + " (" + r.mode() + ")", r, owners));
        }
        TraceWriter.write(processes, other, out);
    }

    /** A boot read from its log: one process. */
    public static void observed(ObservedBoot boot, Writer out) throws IOException {
        Map<String, Object> other = header("observed", boot.source(), boot.kernelVersion());
        TraceWriter.write(List.of(ObservedProcess.of("observed: " + boot.source(), boot, List.of())), other, out);
    }

    /**
     * A prediction held against a log: the predicted boot (process 1) and the observed one (process 2) on one time
     * axis; the observed milestones carry the predicted time and the difference, {@code otherData} the agreement of
     * the built-in initcalls.
     */
    public static void check(Report predicted, ObservedBoot observed, PredictionCheck check, DriverModules owners, Writer out)
            throws IOException {
        Map<String, Object> other = header("check", predicted.plan(), predicted.kernelVersion());
        other.put("mode", predicted.mode());
        other.put("log", observed.source());
        PredictionCheck.Agreement a = check.initcalls();
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("compared", a.compared());
        agreement.put("onlyObserved", a.onlyObserved());
        agreement.put("onlyPredicted", a.onlyPredicted());
        agreement.put("withinOnePercent", a.withinOnePercent());
        agreement.put("worstRelativePercent", a.worstRelativePercent());
        agreement.put("worst", a.worst());
        other.put("initcalls", agreement);
        TraceWriter.write(List.of(
                PredictedProcess.of("predicted: " + predicted.plan() + " (" + predicted.mode() + ")", predicted, owners),
                ObservedProcess.of("observed: " + observed.source(), observed, check.milestones())), other, out);
    }

    /** A download name: {@code base} with anything but letters, digits, '.', '_' and '-' replaced, then ".trace.json". */
    public static String fileName(String base) {
        String safe = (base == null || base.isBlank() ? "boot" : base).replaceAll("[^A-Za-z0-9._-]", "_");
        return (safe.length() > 100 ? safe.substring(0, 100) : safe) + ".trace.json";
    }

    private static Map<String, Object> header(String kind, String subject, String kernelVersion) {
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("generator", GENERATOR);
        other.put("kind", kind);
        other.put(kind.equals("observed") ? "source" : "plan", subject);
        other.put("kernelVersion", kernelVersion);
        other.put("timeUnit", "µs from the start of the boot");
        return other;
    }
}
