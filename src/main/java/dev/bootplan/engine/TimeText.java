package dev.bootplan.engine;

/**
 * Microseconds as people read them in messages ("1.5 s", "250 ms", "120 us"). Written digit by digit: a boot of a
 * million devices can word a million messages, and a BigDecimal for each cost more than the rest of the message.
 */
final class TimeText {

    private TimeText() {}

    static String of(long us) {
        if (us >= 1_000_000) {
            return decimal(us, 1_000_000, 6) + " s";
        }
        if (us >= 1_000) {
            return decimal(us, 1_000, 3) + " ms";
        }
        return us + " us";
    }

    /** {@code v / unit} in decimal without trailing zeros ({@code v} positive, {@code unit} = 10^digits). */
    private static String decimal(long v, long unit, int digits) {
        long frac = v % unit;
        if (frac == 0) {
            return Long.toString(v / unit);
        }
        String f = Long.toString(frac);
        int end = f.length();
        while (f.charAt(end - 1) == '0') {
            end--;
        }
        StringBuilder b = new StringBuilder(24).append(v / unit).append('.');
        for (int i = f.length(); i < digits; i++) {
            b.append('0');
        }
        return b.append(f, 0, end).toString();
    }
}
