package dev.bootplan.json;

/**
 * Why a JSON document could not be read, in the client's terms: which kind of problem, a sentence about the whole
 * document, and the one place (an RFC 6901 pointer) with what is wrong there.
 */
public record JsonReadError(Kind kind, String detail, String pointer, String message) {

    /** The three ways a document fails: not JSON, over a parser limit, or JSON of the wrong shape. */
    public enum Kind {
        MALFORMED,
        LIMIT_EXCEEDED,
        SCHEMA_MISMATCH
    }
}
