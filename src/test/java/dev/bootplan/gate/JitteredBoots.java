package dev.bootplan.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repeated boots of one machine, made from one real log with seeded, documented jitter.
 *
 * <ul>
 *   <li><b>A boot's jitter</b> is one stretch of its whole clock: every stamp {@code t} becomes {@code round(t × f)},
 *       with {@code f = 1 + σ·g} and {@code g} drawn from {@code new Random(seed).nextGaussian()}. With σ = 1 % a
 *       boot is within ±2 % of the log about 95 % of the time, the spread the QEMU boots of the shared data show
 *       between runs (0.1–1 %) and a little more. Stretching keeps the stamps in order, so the log stays readable.</li>
 *   <li><b>A wobble</b> is the log stretched by a given factor (1.02: every milestone 2 % later).</li>
 *   <li><b>A regression</b> is a delay from one line on: every stamp from that line is {@code delayUs} later, as when
 *       the probe printing there took that much longer.</li>
 * </ul>
 */
final class JitteredBoots {

    private static final Pattern STAMP = Pattern.compile("^\\[\\s*(\\d+)\\.(\\d{6})\\]", Pattern.MULTILINE);

    private JitteredBoots() {}

    /** {@code n} boots, seeds {@code firstSeed} … {@code firstSeed + n − 1}, each stretched by 1 + sigma·N(0, 1). */
    static List<String> boots(String log, int n, long firstSeed, double sigma) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(stretched(log, 1 + sigma * new Random(firstSeed + i).nextGaussian()));
        }
        return out;
    }

    static String stretched(String log, double factor) {
        return rewrite(log, (line, us) -> Math.round(us * factor));
    }

    /** Every stamp from 1-based line {@code fromLine} on, {@code delayUs} later. */
    static String delayed(String log, int fromLine, long delayUs) {
        return rewrite(log, (line, us) -> line >= fromLine ? us + delayUs : us);
    }

    private interface Shift {
        long apply(int line, long us);
    }

    private static String rewrite(String log, Shift shift) {
        StringBuilder out = new StringBuilder(log.length() + 64);
        int line = 1;
        for (String text : log.split("\n", -1)) {
            Matcher m = STAMP.matcher(text);
            if (m.find()) {
                long us = Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2));
                long t = shift.apply(line, us);
                out.append(String.format(Locale.ROOT, "[%5d.%06d]", t / 1_000_000, t % 1_000_000)).append(text.substring(m.end()));
            } else {
                out.append(text);
            }
            out.append('\n');
            line++;
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }
}
