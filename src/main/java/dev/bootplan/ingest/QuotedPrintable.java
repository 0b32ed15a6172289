package dev.bootplan.ingest;

import static dev.bootplan.ingest.InputIssueKind.QUOTED_PRINTABLE;

/**
 * Quoted-printable (RFC 2045 §6.7), the transfer encoding a mail client may give a log pasted into a message:
 * lines longer than 76 characters are cut by a '=' soft line break, every '=' is written "=3D", and white space
 * before a line break "=20" or "=09". Read as a log, its lines are cut and its names mangled (drm_displ= and
 * ay_helper on the next line).
 *
 * <p>Such input is <b>refused, not decoded</b>. Nothing declares a pasted log quoted-printable, so this is a guess;
 * decoding a wrong guess would rewrite a real log without a word ("rootdelay=20" would lose its value), while a
 * refusal costs the user one command and names it.
 *
 * <p>The guess, over the first {@value TextInput#HEAD} bytes: at least one line ends in a soft break, and soft
 * breaks, "=3D", and "=20"/"=09" before a line end number at least {@value #MIN_MARKS}. printk writes '=' before
 * a value (root=/dev/sda1), rarely at a line's end, and "=3D" only by chance.
 */
final class QuotedPrintable {

    static final int MIN_MARKS = 3;

    private QuotedPrintable() {}

    /** Refuses {@code head}, the start of an input, if it is quoted-printable. */
    static void check(String source, byte[] head) {
        boolean whole = head.length < TextInput.HEAD; // else the last line is cut by the window and not judged
        int softBreaks = 0;
        int escapes = 0;
        int firstLine = 0;
        int firstColumn = 0;
        int line = 1;
        int start = 0;
        for (int i = 0; i <= head.length; i++) {
            if (i < head.length && head[i] != '\n') {
                continue;
            }
            if (i == head.length && !whole) {
                break;
            }
            int stop = i > start && head[i - 1] == '\r' ? i - 1 : i;
            boolean soft = stop > start && head[stop - 1] == '=';
            int body = soft ? stop - 1 : stop;
            escapes += count(head, start, stop, "=3D");
            if (endsWith(head, start, body, "=20") || endsWith(head, start, body, "=09")) {
                escapes++;
            }
            if (soft && softBreaks++ == 0) {
                firstLine = line;
                firstColumn = chars(head, start, stop);
            }
            line++;
            start = i + 1;
        }
        if (softBreaks > 0 && softBreaks + escapes >= MIN_MARKS) {
            throw TextInput.refused(source, QUOTED_PRINTABLE, firstLine, firstColumn, "the input is quoted-printable, a"
                    + " mail transfer encoding: this line ends in a '=' soft line break, and its first " + head.length
                    + " bytes hold " + softBreaks + " such break(s) and " + escapes + " '=3D', '=20' or '=09' escape(s);"
                    + " decode it first (python3 -m quopri -d), it is not imported",
                    "is quoted-printable (a mail transfer encoding)");
        }
    }

    private static int count(byte[] b, int from, int to, String what) {
        int n = 0;
        for (int i = from; i + what.length() <= to; i++) {
            if (endsWith(b, from, i + what.length(), what)) {
                n++;
            }
        }
        return n;
    }

    private static boolean endsWith(byte[] b, int from, int to, String what) {
        int k = to - what.length();
        if (k < from) {
            return false;
        }
        for (int j = 0; j < what.length(); j++) {
            if (b[k + j] != what.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** Characters in {@code b[from, to)} read as UTF-8: continuation bytes are not counted. */
    private static int chars(byte[] b, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if ((b[i] & 0xc0) != 0x80) {
                n++;
            }
        }
        return n;
    }
}
