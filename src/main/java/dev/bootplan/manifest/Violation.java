package dev.bootplan.manifest;

/** One thing wrong with a manifest: where (an RFC 6901 JSON pointer) and what, in plain words. */
public record Violation(String pointer, String message) {}
