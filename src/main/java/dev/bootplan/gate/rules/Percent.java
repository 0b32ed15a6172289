package dev.bootplan.gate.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** Numbers in rule descriptions: as short as they are exact ("10", "2.5"), Locale-free. */
public final class Percent {

    private Percent() {}

    public static String text(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String over(List<GateMilestone> milestones) {
        return milestones.isEmpty() ? "" : " (" + milestones.stream().map(Enum::name).collect(Collectors.joining(", ")) + ")";
    }
}
