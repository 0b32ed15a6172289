package dev.bootplan.report;

/** A device's final state. Constants are spelled as they travel on the wire. */
public enum DeviceState {
    bound,
    failed,
    deferred,
    unprobed
}
