package dev.bootplan.gate.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A rules file: the rules a boot must meet, in the order outputs list them. */
public record GateRules(List<Rule> rules) {

    public GateRules {
        // Nulls are kept so that RulesReader can name the entry that is not a rule.
        rules = rules == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(rules));
    }
}
