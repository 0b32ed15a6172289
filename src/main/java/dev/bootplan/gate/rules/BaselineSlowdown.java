package dev.bootplan.gate.rules;

import java.util.List;

/**
 * Each milestone no more than {@code maxPercent} % later than the baselines' mean (one baseline: its own value).
 * {@code milestones} empty or absent: every milestone the input and all baselines have.
 */
public record BaselineSlowdown(String name, Double maxPercent, List<GateMilestone> milestones) implements Rule {

    static final String TYPE = "baseline";

    public BaselineSlowdown {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    @Override
    public List<String> problems() {
        if (maxPercent == null) {
            return List.of("a baseline rule needs \"maxPercent\"");
        }
        return maxPercent.isNaN() || maxPercent.isInfinite() || maxPercent < 0
                ? List.of("\"maxPercent\" must be a finite number ≥ 0") : List.of();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        return "no more than " + (maxPercent == null ? "?" : Percent.text(maxPercent)) + " % slower than the baseline" + Percent.over(milestones);
    }
}
