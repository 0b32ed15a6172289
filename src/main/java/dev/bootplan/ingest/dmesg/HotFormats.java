package dev.bootplan.ingest.dmesg;

/**
 * The three formats that make up most of an initcall_debug log, read by hand rather than by regular expression (a
 * 200,000-initcall log spent a third of its import in java.util.regex). Each method reads the whole text or
 * returns null, exactly as the patterns in {@code HotFormatsTests} would match it:
 * <pre>
 * FN       = (\S+?)(?:\+0x[0-9a-f]+/0x[0-9a-f]+)?(?: \[([^\]\s]+)\])?
 * calling  = "calling  " FN " @ " (\d+)
 * returned = "initcall " FN " returned " (-?\d+) " after " (\d+) " usecs"
 * probe    = "probe of " (\S+) " returned " (-?\d+) " after " (\d+) " usecs"
 * </pre>
 * A number too long for its field throws NumberFormatException, which {@link Message#read} reports as malformed.
 */
final class HotFormats {

    private HotFormats() {}

    static Message.Calling calling(String t, int from) {
        if (!t.startsWith("calling  ", from)) {
            return null;
        }
        Fn fn = fn(t, from + "calling  ".length());
        if (fn == null || !t.startsWith(" @ ", fn.end)) {
            return null;
        }
        int digits = fn.end + 3;
        int end = digits(t, digits);
        return end > digits && end == t.length() ? new Message.Calling(fn.function, fn.module, Integer.parseInt(t, digits, end, 10))
                : null;
    }

    static Message.Returned returned(String t, int from) {
        if (!t.startsWith("initcall ", from)) {
            return null;
        }
        Fn fn = fn(t, from + "initcall ".length());
        if (fn == null || !t.startsWith(" returned ", fn.end)) {
            return null;
        }
        long[] rc = new long[2];
        return tail(t, fn.end + " returned ".length(), rc)
                ? new Message.Returned(fn.function, fn.module, Math.toIntExact(rc[0]), rc[1]) : null;
    }

    static Message.Probe probe(String t, int from) {
        if (!t.startsWith("probe of ", from)) {
            return null;
        }
        int device = from + "probe of ".length();
        int end = token(t, device);
        if (end == device || !t.startsWith(" returned ", end)) {
            return null;
        }
        long[] rc = new long[2];
        return tail(t, end + " returned ".length(), rc)
                ? new Message.Probe(t.substring(device, end), Math.toIntExact(rc[0]), rc[1]) : null;
    }

    /** A function, its optional +0xoff/0xsize dropped, and its optional " [module]"; {@code end} is just after. */
    private record Fn(String function, String module, int end) {}

    private static Fn fn(String t, int from) {
        int end = token(t, from);
        if (end == from) {
            return null;
        }
        String function = t.substring(from, withoutOffset(t, from, end));
        String module = null;
        int after = end;
        if (t.startsWith(" [", end)) {
            int close = end + 2;
            while (close < t.length() && t.charAt(close) != ']' && !space(t.charAt(close))) {
                close++;
            }
            if (close > end + 2 && close < t.length() && t.charAt(close) == ']') {
                module = t.substring(end + 2, close);
                after = close + 1;
            }
        }
        return new Fn(function, module, after);
    }

    /** Where the function name in {@code t[from, end)} ends: before one trailing +0x[0-9a-f]+/0x[0-9a-f]+, if any. */
    private static int withoutOffset(String t, int from, int end) {
        int slash = t.lastIndexOf('/', end - 1);
        if (slash < from || !hex(t, slash + 1, end)) {
            return end;
        }
        int plus = t.lastIndexOf('+', slash - 1);
        if (plus <= from || !hex(t, plus + 1, slash)) { // the name before it must not be empty
            return end;
        }
        return plus;
    }

    /** "0x" and one or more lower-case hex digits, exactly {@code t[from, to)}. */
    private static boolean hex(String t, int from, int to) {
        if (to - from < 3 || t.charAt(from) != '0' || t.charAt(from + 1) != 'x') {
            return false;
        }
        for (int i = from + 2; i < to; i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** {@code (-?\d+) " after " (\d+) " usecs"} to the end of {@code t}, into {@code out}. */
    private static boolean tail(String t, int from, long[] out) {
        int start = from < t.length() && t.charAt(from) == '-' ? from + 1 : from;
        int end = digits(t, start);
        if (end == start || !t.startsWith(" after ", end)) {
            return false;
        }
        int usecs = end + " after ".length();
        int usecsEnd = digits(t, usecs);
        if (usecsEnd == usecs || usecsEnd + " usecs".length() != t.length() || !t.startsWith(" usecs", usecsEnd)) {
            return false;
        }
        out[0] = Integer.parseInt(t, from, end, 10);
        out[1] = Long.parseLong(t, usecs, usecsEnd, 10);
        return true;
    }

    private static int token(String t, int from) {
        int i = from;
        while (i < t.length() && !space(t.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int digits(String t, int from) {
        int i = from;
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** {@code \s} of java.util.regex: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
