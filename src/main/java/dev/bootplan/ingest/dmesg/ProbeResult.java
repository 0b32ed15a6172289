package dev.bootplan.ingest.dmesg;

/** What a "probe of … returned" line says happened to the device (drivers/base/dd.c, by version). */
public enum ProbeResult {
    bound,
    deferred,
    failed,
    /** Before v5.14 really_probe() returned 0 for "no driver bound", without a reason. */
    notBound,
}
