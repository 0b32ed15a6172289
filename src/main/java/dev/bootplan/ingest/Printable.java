package dev.bootplan.ingest;

/**
 * Text an issue may echo, made safe to print: control characters and the replacement character (what a byte
 * that is not UTF-8 becomes) are spelled as escapes. An issue quotes what it found, and what it found may be
 * binary past the part of the input {@link TextInput} looked at, or a client's file name; echoed raw, a NUL or
 * an escape sequence would reach a terminal or a log as bytes.
 */
public final class Printable {

    private Printable() {}

    public static String of(String s) {
        int i = 0;
        while (i < s.length() && !odd(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s; // nearly always: nothing to escape, nothing copied
        }
        StringBuilder out = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!odd(c)) {
                out.append(c);
            } else if (c < 0x100) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** C0 controls (tab too: an issue is one line), DEL, C1 controls, and U+FFFD. */
    private static boolean odd(char c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\ufffd';
    }
}
