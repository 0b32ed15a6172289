package dev.bootplan.engine;

/** Where a device is in the simulation; ABSENT until its parent's probe creates it. */
enum DevStatus {
    ABSENT,
    PRESENT,
    PROBING,
    DEFERRED,
    BOUND,
    FAILED
}
