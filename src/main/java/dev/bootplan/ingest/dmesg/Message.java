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
    Pattern VERSION = Pattern.compile("(?:Linux version |.*Manufacturer: Linux )(\\d+\\.\\d+)[^\\s]*.*");

    static Message read(String t) {
        try {
            return readFormats(t);
        } catch (NumberFormatException e) {
            return new Malformed(null);
        }
    }

    private static Message readFormats(String t) {
        if (t.startsWith("calling ")) {
            Calling c = HotFormats.calling(t);
            return c != null ? c : new Malformed("calling  %pS @ %i");
        }
        if (t.startsWith("initcall ")) {
            Returned r = HotFormats.returned(t);
            return r != null ? r : new Malformed("initcall %pS returned %d after %lld usecs");
        }
        if (t.startsWith("probe of ")) {
            Probe p = HotFormats.probe(t);
            return p != null ? p : new Malformed("probe of %s returned %d after %lld usecs");
        }
        if (t.startsWith("entering initcall level: ")) {
            String level = t.substring("entering initcall level: ".length()).strip();
            return level.isEmpty() || level.contains(" ") ? new Malformed("entering initcall level: %s") : new Level(level);
        }
        if (t.startsWith("async_waiting @ ")) {
            Matcher m = ASYNC_WAITING.matcher(t);
            return m.matches() ? new AsyncWaiting(parseInt(m.group(1))) : new Malformed("async_waiting @ %i");
        }
        if (t.startsWith("async_continuing @ ")) {
            Matcher m = ASYNC_CONTINUING.matcher(t);
            return m.matches() ? new AsyncContinuing(parseInt(m.group(1)), Long.parseLong(m.group(2)))
                    : new Malformed("async_continuing @ %i after %lli usec");
        }
        return readOther(t);
    }

    private static Message readOther(String t) {
        Matcher m;
        if (t.contains(": calling  ") && (m = QUIRK.matcher(t)).matches()) {
            return new QuirkCalling(m.group(1));
        }
        if (t.contains("deferred probe pending") && (m = PENDING.matcher(t)).matches()) {
            return new DeferredPending(m.group(1), m.group(2));
        }
        if (t.contains("Direct firmware load for ") && (m = FIRMWARE.matcher(t)).matches()) {
            return new FirmwareFailed(m.group(1), m.group(2), parseInt(m.group(3)));
        }
        if (t.contains("Worker [") && (m = UDEV.matcher(t)).matches()) {
            return new UdevTimeout(m.group(1), parseInt(m.group(2)), Long.parseLong(m.group(3)), m.group(4).equals("killed"));
        }
        if (t.startsWith("Run ") && (m = RUN_INIT.matcher(t)).matches()) {
            return new InitStarted(m.group(1));
        }
        if (t.startsWith("VFS: Mounted root") || (t.startsWith("EXT4-fs (") && t.contains("): mounted filesystem"))) {
            return new RootMounted(t);
        }
        if ((t.startsWith("Linux version ") || t.contains("Manufacturer: Linux ")) && (m = VERSION.matcher(t)).matches()) {
            return new KernelVersion(m.group(1));
        }
        if (t.contains(" running in system mode") && (m = SYSTEMD.matcher(t)).matches()) {
            return new SystemdVersion(parseInt(m.group(1)));
        }
        if (t.startsWith("smp: Brought up ") && (m = CPUS.matcher(t)).matches()) {
            return new Cpus(parseInt(m.group(1)));
        }
        if (t.startsWith("Kernel command line: ")) {
            return new CommandLine(t.substring("Kernel command line: ".length()).strip());
        }
        if (t.startsWith("clocksource: Switched to clocksource")) {
            return new ClocksourceSwitched();
        }
        return null;
    }

    /** Return codes and PIDs are ints in the kernel; a longer digit run is not one of its lines (read() says so). */
    private static int parseInt(String s) {
        return Integer.parseInt(s);
    }
}
