package dev.bootplan.gate;

import dev.bootplan.gate.input.Boot;
import dev.bootplan.gate.rules.GateMilestone;
import dev.bootplan.gate.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/** The statistics a baseline rule needs, and the milestones it can judge. */
final class Baselines {

    private Baselines() {}

    /**
     * The milestones a rule compares: those it names, each of which every baseline must show, or else every milestone
     * the input and all baselines show. Too few baselines, a named milestone a baseline lacks, or nothing in common:
     * the rule cannot be judged, which is exit 2, not a pass.
     */
    static List<GateMilestone> milestones(Rule rule, List<GateMilestone> named, Boot boot, List<Boot> baselines, int atLeast) {
        if (baselines.size() < atLeast) {
            throw cannot(rule, "needs at least " + atLeast + " baseline(s); " + baselines.size() + " given");
        }
        if (!named.isEmpty()) {
            for (GateMilestone m : named) {
                for (Boot b : baselines) {
                    if (b.milestone(m) == null) {
                        throw new GateInputException(GateInputException.Part.baseline, new GateProblem(b.file().name(),
                                null, null, null, "the baseline does not show " + m + ", which rule \"" + rule.label() + "\" compares"));
                    }
                }
            }
            return named;
        }
        List<GateMilestone> common = new ArrayList<>();
        for (GateMilestone m : GateMilestone.values()) {
            if (boot.milestone(m) != null && baselines.stream().allMatch(b -> b.milestone(m) != null)) {
                common.add(m);
            }
        }
        if (common.isEmpty()) {
            throw cannot(rule, "the input and the baselines share no milestone");
        }
        return common;
    }

    static double mean(List<Boot> baselines, GateMilestone m) {
        double sum = 0;
        for (Boot b : baselines) {
            sum += b.milestone(m);
        }
        return sum / baselines.size();
    }

    /** The sample standard deviation (n − 1): the baselines are a sample of the machine's boots. */
    static double sigma(List<Boot> baselines, GateMilestone m, double mean) {
        double squares = 0;
        for (Boot b : baselines) {
            double d = b.milestone(m) - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (baselines.size() - 1));
    }

    private static GateInputException cannot(Rule rule, String why) {
        return new GateInputException(GateInputException.Part.baseline,
                new GateProblem("baselines", null, null, null, "rule \"" + rule.label() + "\" " + why));
    }
}
