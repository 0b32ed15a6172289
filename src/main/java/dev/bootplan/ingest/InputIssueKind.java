package dev.bootplan.ingest;

/**
 * Why an input was refused before any format's parser read it ({@link TextInput}): every import reads text, and
 * these are the ways an upload is not text the parsers can read. Each is an error: the import is a 422.
 */
public enum InputIssueKind implements IssueKind {
    /** NUL bytes, or a high share of bytes that are neither UTF-8 text nor white space, at the start of the input. */
    BINARY_INPUT("binary-input"),
    /** Text in a mail transfer encoding: '=' soft line breaks and '=3D' escapes cut and change the lines. */
    QUOTED_PRINTABLE("quoted-printable"),
    /** Starts with gzip's magic bytes but does not decompress. */
    BAD_GZIP("bad-gzip"),
    /** Decompresses to more than the import size limit (a gzip bomb, or simply too much). */
    DECOMPRESSED_TOO_LARGE("decompressed-too-large");

    private final String code;

    InputIssueKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public IssueSeverity severity() {
        return IssueSeverity.error;
    }
}
