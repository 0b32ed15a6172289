package dev.bootplan.ingest.dmesg;

/**
 * A printk record as it appears on a line: an optional syslog {@code <N>} priority, an optional
 * {@code [seconds.micros]} stamp, an optional {@code [T123]} caller id (CONFIG_PRINTK_CALLER), then the
 * message, which starts at {@code column} (1-based). {@code badStampColumn} is the column of a bracket that
 * looked like a stamp but was not one (0 if none).
 */
record LogLine(int line, Long stampUs, Integer callerPid, String text, int column, int badStampColumn) {

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
                String inner = raw.substring(i + 1, close).strip();
                stamp = stampUs(inner);
                if (stamp != null) {
                    i = close + 1;
                } else if (!inner.isEmpty() && inner.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
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
        return new LogLine(line, stamp, caller, raw.substring(i), i + 1, badStamp);
    }

    /** "12.345678" in µs; fewer or more fraction digits are scaled. Null if it is not seconds.fraction. */
    static Long stampUs(String s) {
        int dot = s.indexOf('.');
        if (dot <= 0 || dot == s.length() - 1 || dot > 12 || !digits(s, 0, dot) || !digits(s, dot + 1, s.length())) {
            return null;
        }
        long seconds = Long.parseLong(s, 0, dot, 10);
        String frac = s.substring(dot + 1);
        frac = frac.length() >= 6 ? frac.substring(0, 6) : (frac + "000000").substring(0, 6);
        return seconds * 1_000_000L + Long.parseLong(frac);
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
