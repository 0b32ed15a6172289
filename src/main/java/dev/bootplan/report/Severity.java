package dev.bootplan.report;

/** How much a finding matters. Constants are spelled as they travel on the wire. */
public enum Severity {
    info,
    warning,
    error
}
