package dev.bootplan.gate.rules;

import java.util.List;

/**
 * Every driver's device-limit headroom (limit − devices, probe-model.md §9) at least {@code atLeast} devices and/or at
 * least {@code atLeastPercent} % of the driver's device count; a driver whose limit is unbounded passes.
 */
public record DeviceLimitHeadroom(String name, Integer atLeast, Double atLeastPercent) implements Rule {

    static final String TYPE = "device-limit-headroom";

    @Override
    public List<String> problems() {
        if (atLeast == null && atLeastPercent == null) {
            return List.of("a device-limit-headroom rule needs \"atLeast\" (devices) or \"atLeastPercent\"");
        }
        if (atLeastPercent != null && (atLeastPercent.isNaN() || atLeastPercent.isInfinite())) {
            return List.of("\"atLeastPercent\" must be a finite number");
        }
        return List.of();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        String devices = atLeast == null ? null : atLeast + " device(s)";
        String percent = atLeastPercent == null ? null : Percent.text(atLeastPercent) + " %";
        return "device-limit headroom at least " + (devices == null ? percent : percent == null ? devices : devices + " and " + percent);
    }
}
