package dev.bootplan.gate.rules;

import java.util.ArrayList;
import java.util.List;

/** {@code milestone} no later than {@code noLaterThan}. A milestone the boot never reaches fails the rule. */
public record MilestoneDeadline(String name, GateMilestone milestone, TimeLimit noLaterThan) implements Rule {

    static final String TYPE = "milestone";

    @Override
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (milestone == null) {
            out.add("a milestone rule needs \"milestone\"");
        }
        if (noLaterThan == null) {
            out.add("a milestone rule needs \"noLaterThan\" (a time span such as \"30s\")");
        }
        return out;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        return milestone + " no later than " + noLaterThan.text();
    }
}
