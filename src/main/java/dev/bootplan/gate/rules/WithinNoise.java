package dev.bootplan.gate.rules;

import java.util.List;

/**
 * Noise-aware: with at least two baselines (observed boots of the same machine), each milestone no later than
 * mean + k·σ of the baselines (σ the sample standard deviation, n − 1). Being faster never fails. {@code k} defaults
 * to 3; {@code milestones} empty or absent: every milestone the input and all baselines have. Identical baselines
 * (σ = 0) allow no slowdown at all.
 */
public record WithinNoise(String name, Double k, List<GateMilestone> milestones) implements Rule {

    static final String TYPE = "within-noise";
    static final double DEFAULT_K = 3.0;

    public WithinNoise {
        k = k == null ? DEFAULT_K : k;
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    @Override
    public List<String> problems() {
        return k.isNaN() || k.isInfinite() || k < 0 ? List.of("\"k\" must be a finite number ≥ 0") : List.of();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        return "within the baselines' noise (mean + " + Percent.text(k) + "·σ)" + Percent.over(milestones);
    }
}
