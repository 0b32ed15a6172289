package dev.bootplan.gate.rules;

import java.util.List;

/** A rules file: the rules a boot must meet, in the order outputs list them. */
public record GateRules(List<Rule> rules) {

    public GateRules {
        rules = rules == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(rules));
    }
}
