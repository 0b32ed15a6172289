package dev.bootplan.ingest;

import static dev.bootplan.ingest.InputIssueKind.BINARY_INPUT;
import static dev.bootplan.ingest.InputIssueKind.DECOMPRESSED_TOO_LARGE;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Opens an uploaded input as the UTF-8 text every import parser reads, or refuses it with an
 * {@link ImportFailedException} whose one issue says why ({@link InputIssueKind}):
 * <ul>
 * <li>gzip (magic bytes 1f 8b) is decompressed as it is read: a {@code dmesg.gz} or {@code modules.alias.gz} is
 *     what it holds. What a request's inputs give once decompressed counts against one {@link Budget}, the import
 *     size limit, so that a few kilobytes of gzip cannot make the parsers read gigabytes;</li>
 * <li>binary input (a NUL, or more than 1 in 10 bytes that are neither UTF-8 text nor white space, in the first
 *     {@value #BINARY_WINDOW} bytes) is refused before a parser quotes any of it;</li>
 * <li>quoted-printable text is refused: see {@link QuotedPrintable}.</li>
 * </ul>
 * Only the start is looked at; the rest streams through unchanged, and issues never echo raw bytes
 * ({@link Printable}) should binary come later.
 */
public final class TextInput {

    /** How much of the start decides whether an input is binary. */
    static final int BINARY_WINDOW = 1024;

    /** How much of the start is looked at for quoted-printable: a few dozen lines of a log. */
    static final int HEAD = 8192;

    private static final String NOT_IMPORTED = "; not imported (gzip is decompressed, other compressions are not:"
            + " decompress it, or send the text itself)";

    private TextInput() {}

    /**
     * What one request may read once its inputs are decompressed: {@code maxBytes} in all, named by {@code setting}
     * in the issue that refuses more. One per request, shared by its inputs, read on one thread.
     */
    public static final class Budget {
        private final long maxBytes;
        private final String setting;
        private long used;

        public Budget(long maxBytes, String setting) {
            this.maxBytes = maxBytes;
            this.setting = setting;
        }

        long maxBytes() {
            return maxBytes;
        }

        String setting() {
            return setting;
        }
    }

    /**
     * The input as text. {@code nulIsText}: the format separates records with NUL (modules.builtin.modinfo), so a
     * NUL is not a sign of binary. On a refusal the stream is closed.
     *
     * @throws ImportFailedException when the input is binary, quoted-printable or bad gzip, or, while the text is
     *     read, when it passes the budget
     * @throws IOException when the stream fails (a body over the request size limit among them)
     */
    public static Reader open(String source, InputStream raw, Budget budget, boolean nulIsText) throws IOException {
        try {
            PushbackInputStream in = new PushbackInputStream(raw, 2);
            byte[] magic = in.readNBytes(2);
            in.unread(magic);
            InputStream text = magic.length == 2 && magic[0] == (byte) 0x1f && magic[1] == (byte) 0x8b
                    ? Gzip.open(source, in) : in;
            BufferedInputStream buffered = new BufferedInputStream(new Counted(source, text, budget), 65_536);
            buffered.mark(HEAD);
            byte[] head = buffered.readNBytes(HEAD);
            buffered.reset();
            String binary = binary(head, nulIsText);
            if (binary != null) {
                throw refused(source, BINARY_INPUT, 0, 0, binary, "is binary, not text");
            }
            QuotedPrintable.check(source, head);
            return new InputStreamReader(buffered, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            try {
                raw.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    static ImportFailedException refused(String source, IssueKind kind, int line, int column, String message,
            String what) {
        return new ImportFailedException("\"" + source + "\" " + what,
                List.of(new ImportIssue(source, line, column, kind, message)));
    }

    /** Why the start of an input is binary, or null when it reads as text. */
    static String binary(byte[] head, boolean nulIsText) {
        int n = Math.min(head.length, BINARY_WINDOW);
        boolean utf16 = n >= 2 && ((head[0] == (byte) 0xff && head[1] == (byte) 0xfe)
                || (head[0] == (byte) 0xfe && head[1] == (byte) 0xff));
        if (utf16) { // Windows' redirections write it: every other byte is a NUL, and the text is all there
            return "the input is UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8; convert it first"
                    + " (iconv -f UTF-16 -t UTF-8), it is not imported";
        }
        int nul = 0;
        int odd = 0;
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xff;
            if (b == 0) {
                nul++;
            } else if ((b < 0x20 && !whiteSpaceOrEscape(b)) || b == 0x7f) {
                odd++;
            }
        }
        if (nul > 0 && !nulIsText) {
            return "the input is binary, not text: its first " + n + " bytes hold " + nul + " NUL byte(s)" + NOT_IMPORTED;
        }
        odd += notUtf8(head, n, head.length > n);
        if (odd * 10L > n) {
            return "the input is binary, not text: " + odd + " of its first " + n + " bytes are neither UTF-8 text nor"
                    + " white space" + NOT_IMPORTED;
        }
        return null;
    }

    /** Tab, LF, VT, FF, CR, and ESC (dmesg --color=always writes ANSI colours), BS (overstrike). */
    private static boolean whiteSpaceOrEscape(int b) {
        return (b >= 0x08 && b <= 0x0d) || b == 0x1b;
    }

    /** Bytes of {@code head[0, n)} that are not UTF-8; a sequence cut by the window's end is not counted if more follows. */
    private static int notUtf8(byte[] head, int n, boolean more) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head, 0, n);
        CharBuffer out = CharBuffer.allocate(n);
        int bad = 0;
        while (true) {
            CoderResult r = decoder.decode(in, out, !more);
            if (r.isError()) {
                bad += r.length();
                in.position(in.position() + r.length());
            } else {
                return bad; // underflow: all read (or the cut sequence left over); the output is large enough
            }
        }
    }

    /** Counts what is read, after decompression, against the request's budget. */
    private static final class Counted extends FilterInputStream {
        private final String source;
        private final Budget budget;
        private long own;

        Counted(String source, InputStream in, Budget budget) {
            super(in);
            this.source = source;
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        /*
         * Thrown unchecked from read(): it passes InputStreamReader and the parsers' line readers (which wrap only
         * IOException) unchanged, and ends the import as a 422 wherever the reading stands.
         */
        private void add(int n) {
            own += n;
            budget.used += n;
            if (budget.used > budget.maxBytes()) {
                String whose = own > budget.maxBytes() ? "the input is" : "the input and the request's other inputs are";
                throw refused(source, DECOMPRESSED_TOO_LARGE, 0, 0, "decompressed, " + whose + " more than "
                        + budget.maxBytes() + " bytes, the import size limit (" + budget.setting() + "); not imported",
                        "is larger than the import size limit once decompressed");
            }
        }
    }
}
