package dev.bootplan.ingest.dmesg;

/**
 * A printk record as it appears on a line: an optional syslog {@code <N>} priority, an optional
 * {@code [seconds.micros]} stamp, an optional {@code [T123]} caller id (CONFIG_PRINTK_CALLER), then the
 * message, which starts at {@code column} (1-based) of the line and is {@code source} from {@code from} on (read
 * where it lies: cutting it out of every line cost a large import a tenth of its time). {@code badStampColumn} is
 * the column of a bracket that looked like a stamp but was not one (0 if none).
 */
record LogLine(int line, Long stampUs, Integer callerPid, String source, int from, int column, int badStampColumn) {

    /** A record whose message is the whole of {@code text}. */
    LogLine(int line, Long stampUs, Integer callerPid, String text, int column) {
        this(line, stampUs, callerPid, text, 0, column, 0);
    }

    /** The message. */
    String text() {
        return from == 0 ? source : source.substring(from);
    }

    /** Reads the prefixes of {@code raw} starting at index {@code from}. */
    static LogLine parse(int line, String raw, int from) {
        int i = from;
        if (i < raw.length() && raw.charAt(i) == '<') {
            int close = raw.indexOf('>', i);
            if (close > i + 1 && close - i <= 4 && digits(raw, i + 1, close)) {
                i = close + 1;
            }
        }
        Long stamp = null;
        int badStamp = 0;
        if (i < raw.length() && raw.charAt(i) == '[') {
            int close = raw.indexOf(']', i);
            if (close > 0) {
                int a = skipSpace(raw, i + 1, close);
                int b = skipSpaceBack(raw, a, close);
                long us = stampUs(raw, a, b);
                if (us >= 0) {
                    stamp = us;
                    i = close + 1;
                } else if (a < b && digitsOrDots(raw, a, b)) {
                    badStamp = i + 1;
                    i = close + 1;
                }
            }
        }
        Integer caller = null;
        if (stamp != null && i < raw.length() && raw.charAt(i) == '[') {
            int close = raw.indexOf(']', i);
            if (close > 0) {
                String inner = raw.substring(i + 1, close).strip();
                if (inner.length() > 1 && (inner.charAt(0) == 'T' || inner.charAt(0) == 'C')
                        && digits(inner, 1, inner.length())) {
                    // A digit run longer than nine is no PID (and threw NumberFormatException out of the import):
                    // the field is still a caller id, read without a PID.
                    caller = inner.charAt(0) == 'T' && inner.length() <= 10
                            ? Integer.valueOf(Integer.parseInt(inner.substring(1)))
                            : null;
                    i = close + 1;
                }
            }
        }
        if ((stamp != null || badStamp > 0) && i < raw.length() && raw.charAt(i) == ' ') {
            i++;
        }
        return new LogLine(line, stamp, caller, raw, i, i + 1, badStamp);
    }

    /** "12.345678" in µs; fewer or more fraction digits are scaled. Null if it is not seconds.fraction. */
    static Long stampUs(String s) {
        long us = stampUs(s, 0, s.length());
        return us < 0 ? null : us;
    }

    /**
     * {@code s[from, to)} read as seconds.fraction in µs (fewer or more fraction digits are scaled), or -1. Read in
     * place: every line of a log has a stamp, and a substring for each cost a tenth of a large import.
     */
    static long stampUs(String s, int from, int to) {
        int dot = s.indexOf('.', from);
        if (dot <= from || dot >= to - 1 || dot - from > 12 || !digits(s, from, dot) || !digits(s, dot + 1, to)) {
            return -1;
        }
        long us = Long.parseLong(s, from, dot, 10) * 1_000_000L;
        long scale = 100_000;
        for (int k = dot + 1; k < to && scale > 0; k++, scale /= 10) {
            us += (s.charAt(k) - '0') * scale;
        }
        return us;
    }

    /** The first index from {@code from} that is not whitespace (as String.strip sees it), at most {@code to}. */
    static int skipSpace(String s, int from, int to) {
        int i = from;
        while (i < to && space(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** One past the last index before {@code to} that is not whitespace, at least {@code from}. */
    static int skipSpaceBack(String s, int from, int to) {
        int i = to;
        while (i > from && space(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** Character.isWhitespace, answered without a table lookup for ASCII (the stamp's padding is spaces). */
    private static boolean space(char c) {
        if (c < 128) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
        }
        return Character.isWhitespace(c);
    }

    private static boolean digitsOrDots(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (!Character.isDigit(c) && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
