package dev.bootplan.ingest.dmesg;

/**
 * Two printk records on one physical line: a console that lost a newline, or two CPUs writing at once. A
 * second record shows as a {@code [seconds.micros]} stamp after the start of the message.
 */
final class Interleaving {

    private Interleaving() {}

    /** Index in {@code text} where a second stamped record starts (its syslog prefix included), or -1. */
    static int nextStamp(String text) {
        int from = 1;
        int open;
        while ((open = text.indexOf('[', from)) >= 0) {
            int close = text.indexOf(']', open);
            if (close < 0) {
                return -1;
            }
            String inner = text.substring(open + 1, close).strip();
            if (inner.length() - inner.indexOf('.') == 7 && LogLine.stampUs(inner) != null) {
                return syslogStart(text, open);
            }
            from = open + 1;
        }
        return -1;
    }

    /** Steps back over a {@code <N>} priority written just before the stamp. */
    private static int syslogStart(String text, int open) {
        int lt = open - 1;
        if (lt > 0 && text.charAt(lt) == '>') {
            int k = lt - 1;
            while (k > 0 && Character.isDigit(text.charAt(k))) {
                k--;
            }
            if (text.charAt(k) == '<' && k < lt - 1) {
                return k;
            }
        }
        return open;
    }
}
