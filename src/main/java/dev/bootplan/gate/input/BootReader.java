package dev.bootplan.gate.input;

import dev.bootplan.gate.GateFile;
import dev.bootplan.gate.GateInputException;
import dev.bootplan.gate.GateProblem;
import dev.bootplan.gate.rules.GateMilestone;
import dev.bootplan.ingest.ImportIssue;
import dev.bootplan.ingest.IssueSeverity;
import dev.bootplan.ingest.dmesg.BootLog;
import dev.bootplan.ingest.dmesg.DmesgParser;
import dev.bootplan.ingest.dmesg.ObservedTimeline;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ManifestInvalidException;
import dev.bootplan.report.ObservedBoot;
import dev.bootplan.report.Report;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the gate is given, by what it holds: a JSON object with {@code kernel} is a manifest (read by the
 * service's strict mapper, normalised and evaluated by the caller's evaluator); one with {@code milestones} and
 * {@code mode} an evaluation report; one with {@code observed} a dmesg import's answer; one with {@code source} and
 * {@code initcalls} an observed boot; anything that is not JSON a dmesg log with initcall_debug. Whatever cannot be
 * read is a {@link GateInputException} naming the file, line and column.
 */
public final class BootReader {

    private final JsonMapper json;
    private final GateInputException.Part part;

    /** {@code json}: the same strict mapper the service reads manifests with. */
    public BootReader(JsonMapper json, GateInputException.Part part) {
        this.json = json;
        this.part = part;
    }

    public Boot read(GateFile file, Function<Manifest, Report> evaluate) {
        String text = file.text();
        if (text.isBlank()) {
            throw fail(file, 1, 1, null, "the file is empty");
        }
        if (!text.stripLeading().startsWith("{")) {
            return observedLog(file);
        }
        List<String> keys = TopLevelKeys.of(text, file, part);
        try {
            if (keys.contains("kernel")) {
                Manifest m = json.readValue(text, Manifest.class);
                Report r;
                try {
                    r = evaluate.apply(m);
                } catch (ManifestInvalidException e) {
                    throw invalid(file, e);
                }
                return new Boot(file, BootKind.manifest, r.plan(), r.mode(), Milestones.of(r), r, new ManifestLocator(m));
            }
            if (keys.contains("milestones") && keys.contains("mode")) {
                Report r = json.readValue(text, Report.class);
                return new Boot(file, BootKind.report, r.plan(), r.mode(), Milestones.of(r), r, new ReportLocator());
            }
            if (keys.contains("observed")) {
                JsonNode observed = json.readTree(text).get("observed");
                ObservedBoot o = json.treeToValue(observed, ObservedBoot.class);
                return observed(file, o);
            }
            if (keys.contains("source") && keys.contains("initcalls")) {
                return observed(file, json.readValue(text, ObservedBoot.class));
            }
        } catch (JacksonException e) {
            throw new GateInputException(part, JsonProblems.of(file.name(), e));
        }
        throw fail(file, 1, 1, null, "neither a manifest (no \"kernel\"), an evaluation report (no \"milestones\" and "
                + "\"mode\"), nor an observed boot (no \"observed\")");
    }

    private Boot observedLog(GateFile file) {
        DmesgParser.Options d = DmesgParser.Options.defaults();
        BootLog log = new DmesgParser(new DmesgParser.Options(null, d.maxLineChars(), d.maxIssues()))
                .parse(file.name(), new StringReader(file.text()));
        List<GateProblem> errors = new ArrayList<>();
        for (ImportIssue i : log.issues()) {
            if (i.severity() == IssueSeverity.error) {
                errors.add(new GateProblem(file.name(), i.line(), i.column(), null, i.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw new GateInputException(part, errors);
        }
        return observed(file, ObservedTimeline.of(log));
    }

    private static Boot observed(GateFile file, ObservedBoot o) {
        Map<GateMilestone, Long> m = o.milestones() == null ? Map.of() : Milestones.of(o.milestones());
        return new Boot(file, BootKind.observed, o.source(), null, m, null, Locator.none());
    }

    private GateInputException invalid(GateFile file, ManifestInvalidException e) {
        Set<String> pointers = new HashSet<>();
        e.violations().forEach(v -> pointers.add(v.pointer()));
        var places = SourceLocations.of(file.text(), pointers);
        List<GateProblem> problems = e.violations().stream().map(v -> {
            var at = places.get(v.pointer());
            return new GateProblem(file.name(), at == null ? null : at.line(), at == null ? null : at.column(), v.pointer(),
                    v.message());
        }).toList();
        return new GateInputException(part, problems);
    }

    private GateInputException fail(GateFile file, Integer line, Integer column, String pointer, String message) {
        return new GateInputException(part, new GateProblem(file.name(), line, column, pointer, message));
    }
}
