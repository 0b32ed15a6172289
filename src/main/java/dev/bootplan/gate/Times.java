package dev.bootplan.gate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Times and ratios in the gate's messages: seconds with up to six decimals, percentages with one; Locale-free. */
public final class Times {

    private Times() {}

    public static String of(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString() + " s";
    }

    public static String of(double micros) {
        return of(Math.round(micros));
    }

    public static String percent(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " %";
    }
}
