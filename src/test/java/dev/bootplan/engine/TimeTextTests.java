package dev.bootplan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Times in messages read as before the digit-by-digit writer: exactly what BigDecimal's plain string gave. */
class TimeTextTests {

    private static String asBigDecimal(long us) {
        if (us >= 1_000_000) {
            return BigDecimal.valueOf(us, 6).stripTrailingZeros().toPlainString() + " s";
        }
        if (us >= 1_000) {
            return BigDecimal.valueOf(us, 3).stripTrailingZeros().toPlainString() + " ms";
        }
        return us + " us";
    }

    @Test
    void examples() {
        assertThat(TimeText.of(1_500_000)).isEqualTo("1.5 s");
        assertThat(TimeText.of(190_000_000)).isEqualTo("190 s");
        assertThat(TimeText.of(1_000_001)).isEqualTo("1.000001 s");
        assertThat(TimeText.of(250_000)).isEqualTo("250 ms");
        assertThat(TimeText.of(1_010)).isEqualTo("1.01 ms");
        assertThat(TimeText.of(120)).isEqualTo("120 us");
        assertThat(TimeText.of(0)).isEqualTo("0 us");
        assertThat(TimeText.of(-5)).isEqualTo("-5 us");
        assertThat(TimeText.of(Long.MAX_VALUE)).isEqualTo("9223372036854.775807 s");
    }

    @Test
    void agreesWithBigDecimalOnSeededValues() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            long us = switch (i % 4) {
                case 0 -> random.nextLong(2_000);
                case 1 -> random.nextLong(2_000_000);
                case 2 -> random.nextLong(1_000) * 1_000 * (random.nextBoolean() ? 1 : 1_000);
                default -> random.nextLong(Long.MAX_VALUE);
            };
            assertThat(TimeText.of(us)).as("%d", us).isEqualTo(asBigDecimal(us));
        }
    }
}
