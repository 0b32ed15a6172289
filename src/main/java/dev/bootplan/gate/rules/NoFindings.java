package dev.bootplan.gate.rules;

import dev.bootplan.report.FindingCode;
import dev.bootplan.report.Severity;
import java.util.List;
import java.util.stream.Collectors;

/** No finding whose code is in {@code codes}, and none at or above {@code atOrAbove}; at least one must be given. */
public record NoFindings(String name, List<FindingCode> codes, Severity atOrAbove) implements Rule {

    static final String TYPE = "no-findings";

    public NoFindings {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    @Override
    public List<String> problems() {
        return codes.isEmpty() && atOrAbove == null
                ? List.of("a no-findings rule needs \"codes\" (a non-empty list) or \"atOrAbove\"") : List.of();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        String byCode = codes.isEmpty() ? null : codes.stream().map(Enum::name).collect(Collectors.joining(", "));
        String bySeverity = atOrAbove == null ? null : "severity " + atOrAbove + " or above";
        return "no finding " + (byCode == null ? bySeverity : bySeverity == null ? byCode : byCode + " or of " + bySeverity);
    }
}
