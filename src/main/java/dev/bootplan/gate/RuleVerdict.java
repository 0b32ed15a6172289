package dev.bootplan.gate;

import java.util.List;

/**
 * How the boot fared against one rule: its label and type as the rules file has them, whether it passed, a one-line
 * message, and every breach (a lost device, a finding, a driver short of headroom, a milestone too late).
 * The breaches of a no-device-lost rule are the lost devices, one each.
 */
public record RuleVerdict(String rule, String type, boolean passed, String message, List<Breach> breaches) {

    public RuleVerdict {
        breaches = List.copyOf(breaches);
    }
}
