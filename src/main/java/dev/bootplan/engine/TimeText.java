package dev.bootplan.engine;

import java.math.BigDecimal;

/** Microseconds as people read them in messages ("1.5 s", "250 ms", "120 us"). */
final class TimeText {

    private TimeText() {}

    static String of(long us) {
        if (us >= 1_000_000) {
            return BigDecimal.valueOf(us, 6).stripTrailingZeros().toPlainString() + " s";
        }
        if (us >= 1_000) {
            return BigDecimal.valueOf(us, 3).stripTrailingZeros().toPlainString() + " ms";
        }
        return us + " us";
    }
}
