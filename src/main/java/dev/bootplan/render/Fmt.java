package dev.bootplan.render;

/** Locale-independent number and time formatting with fixed decimals, built from integers (no Locale, no double). */
final class Fmt {

    private Fmt() {}

    /** A pixel coordinate with exactly one decimal: 12.3, -0.5, 7.0. */
    static String px(double v) {
        long tenths = Math.round(v * 10);
        StringBuilder sb = new StringBuilder(8);
        if (tenths < 0) {
            sb.append('-');
            tenths = -tenths;
        }
        return sb.append(tenths / 10).append('.').append(tenths % 10).toString();
    }

    /** A time for people: "850 µs", "12.3 ms", "1.234 s". */
    static String time(long us) {
        long a = Math.abs(us);
        String sign = us < 0 ? "-" : "";
        if (a < 1_000) {
            return sign + a + " µs";
        }
        if (a < 1_000_000) {
            long tenthMs = (a + 50) / 100;
            return sign + tenthMs / 10 + "." + tenthMs % 10 + " ms";
        }
        long ms = (a + 500) / 1000;
        return sign + ms / 1000 + "." + pad3(ms % 1000) + " s";
    }

    /** A signed gain: "+1.234 s", "-12.0 ms", "±0". */
    static String signedTime(long us) {
        return us == 0 ? "±0" : (us > 0 ? "+" : "") + time(us);
    }

    /** A gain against sync read as a gain: "190.367 s faster than sync", "60.0 ms slower than sync", "as fast as sync". */
    static String vsSync(long gainUs) {
        return gainUs == 0 ? "as fast as sync" : time(Math.abs(gainUs)) + (gainUs > 0 ? " faster" : " slower") + " than sync";
    }

    private static String pad3(long v) {
        return v < 10 ? "00" + v : v < 100 ? "0" + v : Long.toString(v);
    }
}
