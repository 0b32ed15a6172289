package dev.bootplan.ingest;

import static dev.bootplan.ingest.InputIssueKind.BAD_GZIP;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** gzip, decompressed as it is read ({@link TextInput}); a stream that does not decompress is refused as bad gzip. */
final class Gzip extends FilterInputStream {

    private final String source;
    private final Watched compressed;

    private Gzip(String source, InputStream in, Watched compressed) {
        super(in);
        this.source = source;
        this.compressed = compressed;
    }

    static InputStream open(String source, InputStream in) throws IOException {
        Watched compressed = new Watched(in);
        try {
            return new Gzip(source, new GZIPInputStream(compressed, 65_536), compressed);
        } catch (IOException e) {
            throw bad(source, compressed, e);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw bad(source, compressed, e);
        }
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        try {
            return super.read(buf, off, len);
        } catch (IOException e) {
            throw bad(source, compressed, e);
        }
    }

    /**
     * A failure of the body itself (over the request size limit, a client gone) is returned, to be thrown as it is;
     * anything else GZIPInputStream throws means the data is not gzip, and is refused here.
     */
    private static IOException bad(String source, Watched compressed, IOException e) {
        if (compressed.failed) {
            return e;
        }
        String why = e.getMessage() != null ? e.getMessage() : e instanceof EOFException ? "it ends early" : "unreadable";
        throw TextInput.refused(source, BAD_GZIP, 0, 0, "the input starts like gzip (1f 8b) but does not decompress ("
                + why + "); not imported", "is not readable gzip");
    }

    /** The compressed stream, remembering whether it failed itself (as opposed to its bytes being bad gzip). */
    private static final class Watched extends FilterInputStream {
        private boolean failed;

        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            try {
                return super.read(buf, off, len);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }
    }
}
