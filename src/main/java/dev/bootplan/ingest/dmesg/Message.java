package dev.bootplan.ingest.dmesg;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The printk formats an import reads (probe-model.md §12), one record per format. {@link #read} returns null
 * for every other line, and {@link Malformed} for a line that starts like an initcall_debug line but does
 * not fit it, so that it can be joined with a wrapped tail or reported.
 */
sealed interface Message {

    record Calling(String function, String module, int pid) implements Message {}

    record Returned(String function, String module, int returnCode, long reportedUs) implements Message {}

    record Probe(String device, int returnCode, long durationUs) implements Message {}

    record Level(String level) implements Message {}

    record AsyncWaiting(int pid) implements Message {}

    record AsyncContinuing(int pid, long waitedUs) implements Message {}

    /** A device's "calling" (a PCI quirk): recognised so that it is not mistaken for an initcall. */
    record QuirkCalling(String function) implements Message {}

    record DeferredPending(String device, String reason) implements Message {}

    record FirmwareFailed(String device, String file, int error) implements Message {}

    record UdevTimeout(String device, int worker, long seqnum, boolean killed) implements Message {}

    record InitStarted(String init) implements Message {}

    record RootMounted(String text) implements Message {}

    record KernelVersion(String version) implements Message {}

    record CommandLine(String cmdline) implements Message {}

    /** systemd's "systemd 257.13-1~deb13u1 running in system mode" banner, forwarded to the kernel log. */
    record SystemdVersion(int version) implements Message {}

    /** "smp: Brought up 1 node, 4 CPUs". */
    record Cpus(int cpus) implements Message {}

    record ClocksourceSwitched() implements Message {}

    /**
     * One of drivers/base/dd.c's debug lines (dyndbg="file drivers/base/dd.c +p"): really_probe()'s "probing driver D
     * with device X", __driver_probe_device()'s "matched device X with driver D", __driver_attach()'s "probing driver D
     * asynchronously" and __device_attach()'s "scheduling asynchronous probe" (no driver named). 6.1 prints the first two
     * with pr_debug ("bus: 'B': fn: … with device X"), 6.12 with dev_dbg ("<drv-or-bus> X: bus: 'B': fn: … with device").
     */
    record DriverCore(DriverCoreLine kind, String bus, String device, String driver) implements Message {}

    /** drivers/usb/core/driver.c: "usbcore: registered new interface driver D" / "… device driver D". */
    record DriverRegistered(String driver) implements Message {}

    /** drivers/scsi/hosts.c scsi_add_host_with_dma(): "scsi host%d: <name>", printed by the HBA's probe. */
    record ScsiHost(int host) implements Message {}

    /**
     * drivers/scsi/scsi_scan.c scsi_add_lun(): "scsi H:C:T:L: Direct-Access VENDOR MODEL REV PQ: 0 ANSI: 5", printed
     * as the scan adds the device, whether or not its driver is registered yet.
     */
    record ScsiDevice(String device) implements Message {}

    /** init/do_mounts.c: "Waiting for root device %s..." (rootwait, the root device not there yet). */
    record RootWait(String device) implements Message {}

    /** Any line naming udevd (systemd's "systemd-udevd" units, udevd's own messages): udev ran in this boot. */
    record UdevMentioned() implements Message {}

    /** mm: "Memory: 260916K/523668K available (…)": the second figure is the RAM the kernel saw. */
    record Memory(long totalKiB) implements Message {}

    /** Starts like the printk {@code format} but does not fit it; null format: a number overflows its field. */
    record Malformed(String format) implements Message {}

    // calling, initcall … returned and probe of … returned: HotFormats.
    Pattern ASYNC_WAITING = Pattern.compile("async_waiting @ (\\d+)");
    Pattern ASYNC_CONTINUING = Pattern.compile("async_continuing @ (\\d+) after (\\d+) usec");
    Pattern QUIRK = Pattern.compile("\\S+ \\S+: calling  (\\S+?)(?:\\+0x[0-9a-f]+/0x[0-9a-f]+)? @ \\d+");
    Pattern PENDING = Pattern.compile("(?:\\S+ )?(\\S+): deferred probe pending(?:: (.*))?");
    Pattern FIRMWARE = Pattern.compile("(?:(?:\\S+ )?(\\S+): )?Direct firmware load for (\\S+) failed with error (-?\\d+)");
    Pattern UDEV = Pattern.compile(
            "(?:systemd-udevd\\[\\d+\\]: )?(\\S+): Worker \\[(\\d+)\\] processing SEQNUM=(\\d+) (is taking a long time|killed)\\.?");
    Pattern SYSTEMD = Pattern.compile("(?:systemd\\[1\\]: )?systemd (\\d{2,4})(?:[.~+-]\\S*)? running in system mode.*");
    Pattern CPUS = Pattern.compile("smp: Brought up \\d+ nodes?, (\\d{1,5}) CPUs?");
    Pattern RUN_INIT = Pattern.compile("Run (\\S+) as init process");
    Pattern DD_PROBING = Pattern.compile("(?:(?:\\S+ )?(\\S+): )?bus: '([^']*)': \\S+: probing driver (\\S+) with device(?: (\\S+))?");
    Pattern DD_MATCHED = Pattern.compile("(?:(?:\\S+ )?(\\S+): )?bus: '([^']*)': \\S+: matched device (?:(\\S+) )?with driver (\\S+)");
    Pattern DD_ASYNC = Pattern.compile("(?:\\S+ )?(\\S+): probing driver (\\S+) asynchronously");
    Pattern DD_SCHEDULED = Pattern.compile("(?:\\S+ )?(\\S+): scheduling asynchronous probe");
    Pattern USB_REGISTERED = Pattern.compile("usbcore: registered new (?:interface |device )?driver (\\S+)");
    Pattern SCSI_HOST = Pattern.compile("scsi host(\\d{1,9}): .*");
    Pattern SCSI_DEVICE = Pattern.compile("scsi (\\d{1,9}:\\d{1,9}:\\d{1,9}:\\d{1,20}): \\S.* PQ: \\d+ ANSI: \\d+.*");
    Pattern ROOT_WAIT = Pattern.compile("Waiting for root device (\\S+?)\\.{3}");
    Pattern MEMORY = Pattern.compile("Memory: \\d+K/(\\d{1,15})K available.*");
    Pattern VERSION = Pattern.compile("(?:Linux version |.*Manufacturer: Linux )(\\d+\\.\\d+)[^\\s]*.*");

    /** The message in {@code s} from {@code from} to its end (a line's text after its stamp, read where it lies). */
    static Message read(String s, int from) {
        try {
            return readFormats(s, from);
        } catch (NumberFormatException e) {
            return new Malformed(null);
        }
    }

    static Message read(String t) {
        return read(t, 0);
    }

    private static Message readFormats(String s, int from) {
        if (s.startsWith("calling ", from)) {
            Calling c = HotFormats.calling(s, from);
            return c != null ? c : new Malformed("calling  %pS @ %i");
        }
        if (s.startsWith("initcall ", from)) {
            Returned r = HotFormats.returned(s, from);
            return r != null ? r : new Malformed("initcall %pS returned %d after %lld usecs");
        }
        if (s.startsWith("probe of ", from)) {
            Probe p = HotFormats.probe(s, from);
            return p != null ? p : new Malformed("probe of %s returned %d after %lld usecs");
        }
        if (s.startsWith("entering initcall level: ", from)) {
            String level = s.substring(from + "entering initcall level: ".length()).strip();
            return level.isEmpty() || level.contains(" ") ? new Malformed("entering initcall level: %s") : new Level(level);
        }
        Matcher m;
        if (s.startsWith("async_waiting @ ", from)) {
            m = match(ASYNC_WAITING, s, from);
            return m != null ? new AsyncWaiting(parseInt(m.group(1))) : new Malformed("async_waiting @ %i");
        }
        if (s.startsWith("async_continuing @ ", from)) {
            m = match(ASYNC_CONTINUING, s, from);
            return m != null ? new AsyncContinuing(parseInt(m.group(1)), Long.parseLong(m.group(2)))
                    : new Malformed("async_continuing @ %i after %lli usec");
        }
        return readOther(s, from);
    }

    /** The other lines an import keeps: each is looked for cheaply first, and only then matched in full. */
    private static Message readOther(String s, int from) {
        Matcher m;
        if (s.indexOf(": calling  ", from) >= 0 && (m = match(QUIRK, s, from)) != null) {
            return new QuirkCalling(m.group(1));
        }
        if (s.indexOf("deferred probe pending", from) >= 0 && (m = match(PENDING, s, from)) != null) {
            return new DeferredPending(m.group(1), m.group(2));
        }
        if (s.indexOf("Direct firmware load for ", from) >= 0 && (m = match(FIRMWARE, s, from)) != null) {
            return new FirmwareFailed(m.group(1), m.group(2), parseInt(m.group(3)));
        }
        if (s.indexOf("Worker [", from) >= 0 && (m = match(UDEV, s, from)) != null) {
            return new UdevTimeout(m.group(1), parseInt(m.group(2)), Long.parseLong(m.group(3)), m.group(4).equals("killed"));
        }
        if (s.startsWith("Run ", from) && (m = match(RUN_INIT, s, from)) != null) {
            return new InitStarted(m.group(1));
        }
        if (s.startsWith("VFS: Mounted root", from)
                || (s.startsWith("EXT4-fs (", from) && s.indexOf("): mounted filesystem", from) >= 0)) {
            return new RootMounted(s.substring(from));
        }
        if ((s.startsWith("Linux version ", from) || s.indexOf("Manufacturer: Linux ", from) >= 0)
                && (m = match(VERSION, s, from)) != null) {
            return new KernelVersion(m.group(1));
        }
        if (s.indexOf(" running in system mode", from) >= 0 && (m = match(SYSTEMD, s, from)) != null) {
            return new SystemdVersion(parseInt(m.group(1)));
        }
        if (s.startsWith("smp: Brought up ", from) && (m = match(CPUS, s, from)) != null) {
            return new Cpus(parseInt(m.group(1)));
        }
        if (s.startsWith("Kernel command line: ", from)) {
            return new CommandLine(s.substring(from + "Kernel command line: ".length()).strip());
        }
        Message core = driverCore(s, from);
        if (core != null) {
            return core;
        }
        if (s.startsWith("usbcore: registered new ", from) && (m = match(USB_REGISTERED, s, from)) != null) {
            return new DriverRegistered(m.group(1));
        }
        if (s.startsWith("scsi host", from) && (m = match(SCSI_HOST, s, from)) != null) {
            return new ScsiHost(parseInt(m.group(1)));
        }
        if (s.startsWith("scsi ", from) && s.indexOf(" PQ: ", from) >= 0 && (m = match(SCSI_DEVICE, s, from)) != null) {
            return new ScsiDevice(m.group(1));
        }
        if (s.startsWith("Waiting for root device ", from) && (m = match(ROOT_WAIT, s, from)) != null) {
            return new RootWait(m.group(1));
        }
        if (s.startsWith("Memory: ", from) && (m = match(MEMORY, s, from)) != null) {
            return new Memory(Long.parseLong(m.group(1)));
        }
        if (s.startsWith("clocksource: Switched to clocksource", from)) {
            return new ClocksourceSwitched();
        }
        return s.indexOf("udevd", from) >= 0 ? new UdevMentioned() : null;
    }

    private static Message driverCore(String s, int from) {
        Matcher m;
        if (s.indexOf("bus: '", from) >= 0) {
            if (s.indexOf(": probing driver ", from) >= 0 && (m = match(DD_PROBING, s, from)) != null) {
                String device = m.group(4) != null ? m.group(4) : m.group(1);
                return device == null ? null : new DriverCore(DriverCoreLine.PROBING, m.group(2), device, m.group(3));
            }
            if (s.indexOf(": matched device ", from) >= 0 && (m = match(DD_MATCHED, s, from)) != null) {
                String device = m.group(3) != null ? m.group(3) : m.group(1);
                return device == null ? null : new DriverCore(DriverCoreLine.MATCHED, m.group(2), device, m.group(4));
            }
            return null;
        }
        if (s.endsWith(" asynchronously") && (m = match(DD_ASYNC, s, from)) != null) {
            return new DriverCore(DriverCoreLine.ASYNC, null, m.group(1), m.group(2));
        }
        if (s.endsWith(": scheduling asynchronous probe") && (m = match(DD_SCHEDULED, s, from)) != null) {
            return new DriverCore(DriverCoreLine.ASYNC, null, m.group(1), null);
        }
        return null;
    }

    /** {@code p} matched against {@code s} from {@code from} to its end, or null. */
    private static Matcher match(Pattern p, String s, int from) {
        Matcher m = p.matcher(s).region(from, s.length());
        return m.matches() ? m : null;
    }

    /** Return codes and PIDs are ints in the kernel; a longer digit run is not one of its lines (read() says so). */
    private static int parseInt(String s) {
        return Integer.parseInt(s);
    }
}
