package dev.bootplan.ingest;

/** How much an issue matters to what was imported. Constants are spelled as they travel on the wire. */
public enum IssueSeverity {
    /** Recognised and deliberately not used (a PCI quirk "calling" line), or an inference worth knowing. */
    info,
    /** Data was skipped or is doubtful; the import is still usable. */
    warning,
    /** The input cannot be used at all. */
    error,
}
