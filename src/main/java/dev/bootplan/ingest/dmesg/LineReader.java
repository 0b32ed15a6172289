package dev.bootplan.ingest.dmesg;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Physical lines of a log, one at a time, never longer than {@code maxChars}: a line without a newline in
 * megabytes of input must not become one string of that size. CR before LF is dropped.
 */
final class LineReader {

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[32_768];
    /** {@code buf} as a String, made once per fill: String.indexOf finds the newlines faster than a loop over chars. */
    private String chunk = "";
    private int pos;
    private int len;
    private int lineNo;
    private boolean truncated;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, or null at the end. */
    String next() {
        truncated = false;
        if (pos == len && !fill()) {
            return null;
        }
        // Fast path, nearly every line: it ends inside the buffer and is short enough, so one copy makes the String.
        int first = pos;
        int nl = chunk.indexOf('\n', first);
        if (nl >= 0 && nl - first <= maxChars + 1L) {
            pos = nl + 1;
            lineNo++;
            int end = nl > first && buf[nl - 1] == '\r' ? nl - 1 : nl;
            if (end - first > maxChars) {
                end = first + maxChars;
                truncated = true;
            }
            return chunk.substring(first, end);
        }
        StringBuilder line = null;
        while (true) {
            if (pos == len && !fill()) {
                if (line == null) {
                    return null;
                }
                break;
            }
            if (line == null) {
                line = new StringBuilder(128);
            }
            int start = pos;
            while (pos < len && buf[pos] != '\n') {
                pos++;
            }
            append(line, start, pos);
            if (pos < len) {
                pos++; // the newline
                break;
            }
        }
        lineNo++;
        int n = line.length();
        if (!truncated && n > 0 && line.charAt(n - 1) == '\r') {
            line.setLength(--n);
        }
        if (n > maxChars) { // the one character kept beyond the limit was not a CR: the line is cut
            line.setLength(maxChars);
            truncated = true;
        }
        return line.toString();
    }

    int lineNo() {
        return lineNo;
    }

    /** Whether the last line was longer than the limit and cut. */
    boolean truncated() {
        return truncated;
    }

    private void append(StringBuilder line, int from, int to) {
        // One character beyond the limit is kept, so that the CR of a CRLF line of exactly maxChars characters is not
        // taken for a cut (next() drops the CR, then cuts what is still too long).
        int room = (int) Math.min(Integer.MAX_VALUE, maxChars + 1L) - line.length();
        if (to - from > room) {
            truncated = true;
            line.append(buf, from, Math.max(0, room));
        } else {
            line.append(buf, from, to - from);
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
            chunk = "";
            return false;
        }
        chunk = new String(buf, 0, len);
        return true;
    }
}
