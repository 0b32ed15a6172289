package dev.bootplan.engine;

import dev.bootplan.report.Finding;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/** Collects the findings of one simulation; ordered at the end by time (plan-wide first), code, subject. */
final class Findings {

    private final List<Finding> found = new ArrayList<>();
    private final Set<Finding> seen = new HashSet<>();

    /** Adds a finding once: a knob read twice (once for the initrd, once for the real root) is one finding. */
    void add(FindingCode code, Severity severity, String subject, Long atUs, String message, String remedy) {
        Finding f = new Finding(code, severity, subject, atUs, message, remedy);
        if (seen.add(f)) {
            found.add(f);
        }
    }

    void addAll(List<Finding> more) {
        for (Finding f : more) {
            if (seen.add(f)) {
                found.add(f);
            }
        }
    }

    List<Finding> sorted() {
        List<Finding> out = new ArrayList<>(found);
        out.sort(Comparator.comparing((Finding f) -> f.atUs() == null ? -1L : f.atUs())
                .thenComparing(f -> f.code().ordinal())
                .thenComparing(Finding::subject)
                .thenComparing(Finding::message));
        return out;
    }
}
