package dev.bootplan.gate.input;

/** What the gate was given: a manifest it evaluated, a report already evaluated, or an observed boot (a log or its import). */
public enum BootKind {
    manifest,
    report,
    observed
}
