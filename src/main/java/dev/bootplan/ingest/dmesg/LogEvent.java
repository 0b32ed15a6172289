package dev.bootplan.ingest.dmesg;

/** The other initcall_debug-era lines an import keeps, each with its stamp and line number. */
public sealed interface LogEvent {

    long atUs();

    int line();

    /** "entering initcall level: %s" (6.x). */
    record LevelEntered(long atUs, int line, String level) implements LogEvent {}

    /** kernel/async.c with dynamic debug: "async_waiting @ %i" / "async_continuing @ %i after %lli usec". */
    record AsyncWait(long atUs, int line, int pid, Long waitedUs) implements LogEvent {}

    /** dd.c's deferred-probe timeout: "deferred probe pending" (6.1) or "…: <reason>" (6.12). */
    record DeferredPending(long atUs, int line, String device, String reason) implements LogEvent {}

    /** "Direct firmware load for %s failed with error %d". */
    record FirmwareFailed(long atUs, int line, String device, String file, int error) implements LogEvent {}

    /** systemd-udevd: "Worker [PID] processing SEQNUM=N is taking a long time" or "… killed". */
    record UdevTimeout(long atUs, int line, String device, int worker, long seqnum, boolean killed) implements LogEvent {}

    /** "Run %s as init process": the kernel hands over to userspace. */
    record InitStarted(long atUs, int line, String init) implements LogEvent {}

    /** A drivers/base/dd.c debug line: which driver probes which device, on which bus, and whether asynchronously. */
    record DriverCore(long atUs, int line, DriverCoreLine kind, String bus, String device, String driver) implements LogEvent {}

    /** A driver registration the log names ("usbcore: registered new interface driver hub"). */
    record DriverRegistered(long atUs, int line, String driver) implements LogEvent {}

    /** "scsi host%d: …": a SCSI host added, by the probe running at that moment. */
    record ScsiHost(long atUs, int line, int host) implements LogEvent {}

    /** "scsi H:C:T:L: Direct-Access …": the SCSI scan added the device. */
    record ScsiDevice(long atUs, int line, String device) implements LogEvent {}

    /** "Waiting for root device %s...": rootwait, and the root device the kernel waits for. */
    record RootWait(long atUs, int line, String device) implements LogEvent {}

    /** The first "VFS: Mounted root" or "EXT4-fs (…): mounted filesystem" line. */
    record RootMounted(long atUs, int line, String text) implements LogEvent {}
}
