package dev.bootplan.report;

/** What a timeline span is. Constants are spelled as they travel on the wire. */
public enum SpanKind {
    initcall,
    moduleLoad,
    moduleInit,
    syncProbe,
    asyncProbe,
    asyncWork,
    deferral,
    globalWait,
    initramfsUnpack,
    firmwareWait,
    rootDelay,
    /** rootwait: PID 1 polling for the root device every 5 ms (init/do_mounts.c). */
    rootWait,
    udevEvent,
    moduleWait,
    /** Userspace before a udev coldplug: systemd starting, fsck, switch_root. */
    userspace,
}
