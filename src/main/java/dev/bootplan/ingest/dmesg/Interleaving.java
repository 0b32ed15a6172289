package dev.bootplan.ingest.dmesg;

/**
 * Two printk records on one physical line: a console that lost a newline, or two CPUs writing at once. A
 * second record shows as a {@code [seconds.micros]} stamp after the start of the message.
 */
final class Interleaving {

    private Interleaving() {}

    /**
     * Index, counted from {@code base}, in {@code text} where a second stamped record starts (its syslog prefix
     * included), or -1. 0 means the record before it is empty ("[ 0.500005] [ 0.500010] calling …"): searching from
     * index 1 hid such a record.
     */
    static int nextStamp(String text, int base) {
        int from = base;
        int open;
        while ((open = text.indexOf('[', from)) >= 0) {
            int close = text.indexOf(']', open);
            if (close < 0) {
                return -1;
            }
            int a = LogLine.skipSpace(text, open + 1, close);
            int b = LogLine.skipSpaceBack(text, a, close);
            int dot = text.indexOf('.', a);
            if (dot >= a && b - dot == 7 && LogLine.stampUs(text, a, b) >= 0) {
                return syslogStart(text, base, open) - base;
            }
            from = open + 1;
        }
        return -1;
    }

    /**
     * Steps back over a {@code <N>} priority written just before the stamp: one to three ASCII digits, as {@link LogLine}
     * reads it (a longer one, or one of other scripts' digits, made the split land where LogLine saw no prefix and no
     * stamp, and the record was lost).
     */
    private static int syslogStart(String text, int base, int open) {
        int lt = open - 1;
        if (lt > base && text.charAt(lt) == '>') {
            int k = lt - 1;
            while (k > base && k >= lt - 3 && text.charAt(k) >= '0' && text.charAt(k) <= '9') {
                k--;
            }
            if (text.charAt(k) == '<' && k < lt - 1) {
                return k;
            }
        }
        return open;
    }
}
