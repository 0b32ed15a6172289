package dev.bootplan.gate;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * How the boot fared against one rule: its label and type as the rules file has them, whether it passed, a one-line
 * message, and every breach (a lost device, a finding, a driver short of headroom, a milestone too late).
 * The breaches of a no-device-lost rule are the lost devices, one each.
 */
@Schema(name = "GateRuleResult", description = "How the boot fared against one rule.")
public record RuleVerdict(
        @Schema(description = "The rule's name, or what it asks.", example = "no device lost") String rule,
        @Schema(description = "The rule's type.", example = "no-device-lost") String type,
        @Schema(description = "Whether it passed.", example = "false") boolean passed,
        @Schema(description = "What was found, in one line.", example = "182 device(s) lost") String message,
        @Schema(description = "Every breach, in input order; empty when it passed.") List<Breach> breaches) {

    public RuleVerdict {
        breaches = List.copyOf(breaches);
    }
}
