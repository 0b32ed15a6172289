package dev.bootplan.report;

/** The stable codes of findings (probe-model.md §11); clients gate on them. */
public enum FindingCode {
    UDEV_EVENT_SLOW,
    UDEV_EVENT_KILLED,
    DEVICE_LIMIT_EXCEEDED,
    DEVICE_LIMIT_NEAR,
    GLOBAL_ASYNC_WAIT,
    PREFER_ASYNC_BLOCKS_LOAD,
    KNOB_INEFFECTIVE,
    FIRMWARE_UNAVAILABLE,
    ASYNC_FIRMWARE_WORKAROUND,
    USERSPACE_EXPECTS_SYNC,
    BUILTIN_ASYNC_ORDERING,
    DEFERRED_PENDING,
    DEFERRED_RETRIES,
    SUPPLIER_CYCLE,
    ASYNC_POOL_SATURATED,
    UDEV_WORKERS_SATURATED,
    ASYNC_QUEUE_OVERFLOW,
    FORCE_SYNC_OVERRIDDEN,
    FORCED_SYNC,
    ANNOTATION_IGNORED,
    MAINLINE_EQUIVALENT,
    /** init/do_mounts.c: the root device was not there when the kernel mounted the root: "VFS: Unable to mount root fs". */
    ROOT_NOT_FOUND,
    KERNEL_TAINTED
}
