package dev.bootplan.ingest.modules;

import static dev.bootplan.ingest.modules.ModulesIssueKind.BLANK_LINE;
import static dev.bootplan.ingest.modules.ModulesIssueKind.LINE_TOO_LONG;

import dev.bootplan.ingest.Issues;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * The records of a text, one at a time: lines ({@code '\n'}, a CR before it dropped) or the NUL-terminated
 * records of modules.builtin.modinfo. No record is held beyond {@code maxChars}: a file without a delimiter in
 * megabytes of input must not become one string of that size. Each record says where it starts, as a line and
 * column of the text (both 1-based, columns counted in chars), so a NUL-separated file without newlines gives
 * line 1 and the column of the record's first character.
 */
final class Records {

    /** One record; {@code tooLong} records hold only their first {@code maxChars} characters. */
    record Record(String text, int line, int column, boolean tooLong) {}

    private final Reader in;
    private final char delimiter;
    private final int maxChars;
    private final char[] buf = new char[8192];
    private int pos;
    private int len;
    private int line = 1;
    private int column = 1;

    Records(Reader in, char delimiter, int maxChars) {
        this.in = in;
        this.delimiter = delimiter;
        this.maxChars = maxChars;
    }

    static Records lines(Reader in, int maxChars) {
        return new Records(in, '\n', maxChars);
    }

    /**
     * Feeds every line of {@code in} that fits and holds more than white space to {@code use}; reports the
     * others (a line too long is skipped whole: half a line of paths would read as wrong data).
     */
    static void eachLine(Reader in, int maxChars, Issues issues, Consumer<Record> use) {
        Records lines = lines(in, maxChars);
        for (Record r = lines.next(); r != null; r = lines.next()) {
            if (r.tooLong()) {
                issues.add(r.line(), maxChars + 1, LINE_TOO_LONG, "line longer than " + maxChars + " characters; skipped");
            } else if (r.text().isBlank()) {
                issues.add(r.line(), 1, BLANK_LINE, "empty line; skipped");
            } else {
                use.accept(r);
            }
        }
    }

    /** The next record without its delimiter, or null at the end. */
    Record next() {
        int startLine = line;
        int startColumn = column;
        StringBuilder text = new StringBuilder(64);
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == len && !fill()) {
                if (!any) {
                    return null;
                }
                break; // the last record has no delimiter after it
            }
            any = true;
            char c = buf[pos++];
            advance(c);
            if (c == delimiter) {
                break;
            }
            if (text.length() < maxChars) {
                text.append(c);
            } else {
                tooLong = true;
            }
        }
        int n = text.length();
        if (delimiter == '\n' && n > 0 && text.charAt(n - 1) == '\r' && !tooLong) {
            text.setLength(n - 1);
        }
        return new Record(text.toString(), startLine, startColumn, tooLong);
    }

    private void advance(char c) {
        if (c == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
    }

    private boolean fill() {
        try {
            len = in.read(buf, 0, buf.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pos = 0;
        if (len <= 0) {
            len = 0;
            return false;
        }
        return true;
    }
}
