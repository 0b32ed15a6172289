package dev.bootplan.ingest.dmesg;

/** Which of drivers/base/dd.c's debug lines a {@link LogEvent.DriverCore} is. */
public enum DriverCoreLine {
    /** __driver_probe_device(): "matched device X with driver D", the probe is about to run in this task. */
    MATCHED,
    /** really_probe(): "probing driver D with device X", the probe starts. */
    PROBING,
    /** __driver_attach() "probing driver D asynchronously" or __device_attach() "scheduling asynchronous probe". */
    ASYNC
}
