package dev.bootplan.engine.plan;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * systemd's time-span syntax ("250ms", "1.5s", "2min", "1min 30s"), to integer microseconds.
 * Unlike systemd, a bare number is refused: without a unit it is ambiguous (api-contract.md).
 */
public final class TimeSpan {

    private static final Pattern PART = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*([a-zA-Zµ]+)\\s*");

    // The unit names of systemd's parse_time() (src/basic/time-util.c), in microseconds.
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("us", 1L), Map.entry("usec", 1L), Map.entry("µs", 1L), Map.entry("μs", 1L),
            Map.entry("ms", 1_000L), Map.entry("msec", 1_000L),
            Map.entry("s", 1_000_000L), Map.entry("sec", 1_000_000L), Map.entry("second", 1_000_000L),
            Map.entry("seconds", 1_000_000L),
            Map.entry("m", 60_000_000L), Map.entry("min", 60_000_000L), Map.entry("minute", 60_000_000L),
            Map.entry("minutes", 60_000_000L),
            Map.entry("h", 3_600_000_000L), Map.entry("hr", 3_600_000_000L), Map.entry("hour", 3_600_000_000L),
            Map.entry("hours", 3_600_000_000L),
            Map.entry("d", 86_400_000_000L), Map.entry("day", 86_400_000_000L), Map.entry("days", 86_400_000_000L));

    private TimeSpan() {}

    /** Microseconds, or an {@link IllegalArgumentException} whose message says what is wrong. */
    public static long parseMicros(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty; write a time span such as \"250ms\" or \"1.5s\"");
        }
        String s = text.strip();
        if (s.startsWith("-")) {
            throw new IllegalArgumentException("must not be negative (\"" + text + "\")");
        }
        if (s.matches("\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("\"" + text + "\" has no unit; write \"" + s + "s\" or \""
                    + s + "ms\" (a bare number is ambiguous)");
        }
        var m = PART.matcher(s);
        int at = 0;
        BigDecimal total = BigDecimal.ZERO;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("\"" + text + "\" is not a time span; use units us, ms, s, min, h, d");
            }
            Long unit = UNITS.get(m.group(2));
            if (unit == null) {
                throw new IllegalArgumentException("unknown unit \"" + m.group(2) + "\" in \"" + text
                        + "\"; use us, ms, s, min, h or d");
            }
            total = total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
            if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) > 0) {
                throw new IllegalArgumentException("\"" + text + "\" is absurdly long");
            }
            at = m.end();
        }
        if (total.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("\"" + text + "\" is finer than a microsecond");
        }
        return total.longValueExact();
    }

    /** Formats microseconds the short way people read them ("1.5s", "250ms", "120us"), for messages. */
    public static String format(long us) {
        if (us % 1_000_000 == 0) {
            return (us / 1_000_000) + "s";
        }
        if (us >= 1_000_000) {
            return BigDecimal.valueOf(us, 6).stripTrailingZeros().toPlainString() + "s";
        }
        if (us % 1_000 == 0) {
            return (us / 1_000) + "ms";
        }
        return us >= 1_000 ? BigDecimal.valueOf(us, 3).stripTrailingZeros().toPlainString() + "ms" : us + "us";
    }
}
