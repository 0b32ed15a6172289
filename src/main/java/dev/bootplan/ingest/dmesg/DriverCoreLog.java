package dev.bootplan.ingest.dmesg;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What drivers/base/dd.c's debug lines say about each probe line, read in one pass over the log: the driver and bus
 * of the really_probe() line that started it, whether it ran asynchronously (a "probing driver D asynchronously" or
 * "scheduling asynchronous probe" line for the device since its last probe), and when each device and each driver is
 * first named (a SCSI device also where the scan adds it, before any driver is there). A log booted without {@code dyndbg="file drivers/base/dd.c +p"} has none of these: every answer is
 * then null or false, and the import names drivers after the call that registers them, as before.
 */
final class DriverCoreLog {

    /** Where a name first appears: its stamp and line. */
    record Named(long atUs, int line) {}

    private final String[] driver;
    private final String[] bus;
    private final boolean[] async;
    private final Map<String, Named> deviceNamed = new HashMap<>();
    private final Map<String, Named> driverNamed = new LinkedHashMap<>();
    private final boolean present;

    private DriverCoreLog(int probes, boolean present) {
        this.driver = new String[probes];
        this.bus = new String[probes];
        this.async = new boolean[probes];
        this.present = present;
    }

    /** The state of one device between two of its probe lines. */
    private static final class Pending {
        String driver;
        String bus;
        boolean async;
    }

    static DriverCoreLog of(BootLog log) {
        List<LogEvent> events = log.events();
        List<ProbeRun> probes = log.probes();
        boolean any = events.stream().anyMatch(e -> e instanceof LogEvent.DriverCore);
        DriverCoreLog out = new DriverCoreLog(probes.size(), any);
        if (!any) {
            return out;
        }
        Map<String, Pending> pending = new HashMap<>();
        int e = 0;
        for (int p = 0; p <= probes.size(); p++) {
            int upTo = p < probes.size() ? probes.get(p).line() : Integer.MAX_VALUE;
            for (; e < events.size() && events.get(e).line() <= upTo; e++) {
                switch (events.get(e)) {
                    case LogEvent.DriverCore d -> {
                        out.deviceNamed.putIfAbsent(d.device(), new Named(d.atUs(), d.line()));
                        if (d.driver() != null) {
                            out.driverNamed.putIfAbsent(d.driver(), new Named(d.atUs(), d.line()));
                        }
                        Pending s = pending.computeIfAbsent(d.device(), k -> new Pending());
                        if (d.kind() == DriverCoreLine.ASYNC) {
                            s.async = true;
                        } else {
                            s.driver = d.driver();
                            s.bus = d.bus();
                        }
                    }
                    case LogEvent.DriverRegistered r -> out.driverNamed.putIfAbsent(r.driver(), new Named(r.atUs(), r.line()));
                    case LogEvent.ScsiDevice s -> out.deviceNamed.putIfAbsent(s.device(), new Named(s.atUs(), s.line()));
                    default -> {}
                }
            }
            if (p < probes.size()) {
                Pending s = pending.remove(probes.get(p).device());
                if (s != null) {
                    out.driver[p] = s.driver;
                    out.bus[p] = s.bus;
                    out.async[p] = s.async;
                }
            }
        }
        return out;
    }

    /** Whether the log has dd.c's debug lines at all. */
    boolean present() {
        return present;
    }

    /** The driver really_probe() named for probe {@code p} (an index into {@link BootLog#probes()}), or null. */
    String driver(int p) {
        return driver[p];
    }

    String bus(int p) {
        return bus[p];
    }

    boolean async(int p) {
        return async[p];
    }

    Named deviceNamed(String device) {
        return deviceNamed.get(device);
    }

    Named driverNamed(String driver) {
        return driverNamed.get(driver);
    }
}
