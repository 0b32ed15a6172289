package dev.bootplan.ingest.modules;

import java.util.ArrayList;
import java.util.List;

/** The white-space separated words of a line, each with the 1-based column it starts at, for issues that say where. */
final class Words {

    record Word(String text, int column) {}

    private Words() {}

    /** Words of {@code text}, whose first character is at column {@code firstColumn}. */
    static List<Word> of(String text, int firstColumn) {
        List<Word> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(new Word(text.substring(start, i), firstColumn + start));
            }
        }
        return out;
    }

    /** {@code s} quoted for a message, cut to 64 characters so a garbage line cannot flood the issue list. */
    static String quote(String s) {
        return "\"" + (s.length() <= 64 ? s : s.substring(0, 61) + "...") + "\"";
    }
}
