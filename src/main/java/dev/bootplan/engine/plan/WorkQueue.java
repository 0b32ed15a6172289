package dev.bootplan.engine.plan;

/**
 * Where work that a probe starts runs. The queue decides who waits for it: async_synchronize_full() (kernel/async.c)
 * waits for every entry of the async domain, and for nothing queued anywhere else.
 */
public enum WorkQueue {
    /** async_schedule(): the async domain (libata's port probe, the SCSI host scan, nvme's async probe). */
    ASYNC("async"),
    /** Any other work queue or kernel thread (the USB hub's hub_wq, usb-storage's scan work): nobody waits for it. */
    WORKQUEUE("workqueue");

    private final String wireName;

    WorkQueue(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static WorkQueue fromWire(String s) {
        for (WorkQueue q : values()) {
            if (q.wireName.equals(s)) {
                return q;
            }
        }
        return null;
    }
}
