package dev.bootplan.ingest.dmesg;

import static dev.bootplan.ingest.dmesg.DmesgIssueKind.*;

import dev.bootplan.ingest.Issues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The devices a plan holds: those {@link Placement} places (probed inside the call that registered their driver), and,
 * where dd.c's debug lines name the driver, every other probe that bound: a child probed inside its parent's probe
 * (kept as a device with that parent, each with its own time), and a device probed outside every call (an async
 * probe, one found by work its parent's probe started). A device that appeared after its driver was registered was
 * created by someone: its parent, found by the bus's own naming where the bus has one (USB, SCSI) and otherwise taken
 * to be the device bound last before it appeared, with the time into that parent's work at which it appeared
 * ({@code discoveredAfter}).
 */
final class LogDevices {

    /** One device of the plan. {@code heldIn}: the call whose span holds its probe time (-1: none). */
    static final class Device {
        final String name;
        final int probe;
        final int owner;
        final int heldIn;
        final String supplier;
        String driver;
        boolean async;
        long probeUs;
        String parent;
        Long discoveredAfterUs;
        long asyncWorkUs;
        String asyncWorkQueue;

        Device(String name, int probe, int owner, int heldIn, long probeUs, String supplier) {
            this.name = name;
            this.probe = probe;
            this.owner = owner;
            this.heldIn = heldIn;
            this.probeUs = probeUs;
            this.supplier = supplier;
        }
    }

    private static final Pattern USB_DEVICE = Pattern.compile("(\\d+)-([\\d.]+)");
    private static final Pattern SCSI_DEVICE = Pattern.compile("(\\d+):\\d+:\\d+:\\d+");

    private LogDevices() {}

    /**
     * {@code driverOwner}: by driver name, the call (index into {@link BootLog#initcalls()}) that registers it, or
     * absent; {@code nextLoadAfter}: for a call, when the next module init starts after it returns (the end of the wait
     * a load without async_probe does for the async domain), or null.
     */
    static List<Device> of(BootLog log, Placement placement, DriverCoreLog dd, Map<String, Integer> driverOwner,
            java.util.function.IntFunction<Long> waitEndsBefore, Issues issues) {
        List<ProbeRun> probes = log.probes();
        List<Device> out = new ArrayList<>();
        Map<String, Device> byName = new HashMap<>();
        Map<Integer, Device> byProbe = new HashMap<>();
        for (Placement.Placed p : placement.devices()) {
            Device d = new Device(p.device(), p.boundProbe(), p.owner(), p.heldIn(), p.probeUs(), p.supplier());
            d.driver = dd.driver(p.boundProbe());
            d.async = dd.async(p.boundProbe());
            out.add(d);
            byName.put(d.name, d);
            byProbe.put(p.boundProbe(), d);
        }
        if (!dd.present()) {
            return out;
        }
        // The other bound probes whose driver dd.c names: the last bound probe of each device not placed yet.
        Map<String, Integer> lastBound = new HashMap<>();
        for (int i = 0; i < probes.size(); i++) {
            if (probes.get(i).result() == ProbeResult.bound && dd.driver(i) != null) {
                lastBound.put(probes.get(i).device(), i);
            }
        }
        for (int i = 0; i < probes.size(); i++) {
            ProbeRun p = probes.get(i);
            if (byName.containsKey(p.device()) || lastBound.getOrDefault(p.device(), -1) != i) {
                continue;
            }
            Integer owner = driverOwner.get(dd.driver(i));
            if (owner == null) {
                issues.add(p.line(), 1, PROBE_TIME_KEPT, "probe of " + p.device() + " (driver " + dd.driver(i) + ") is left"
                        + " out: no call the log shows registers " + dd.driver(i));
                continue;
            }
            InitcallRun call = log.initcalls().get(owner);
            boolean inside = p.parent() < 0 && call.finished() && call.startUs() <= p.startUs() && p.endUs() <= call.endUs();
            Device d = new Device(p.device(), i, owner, inside ? owner : -1, p.durationUs(), null);
            d.driver = dd.driver(i);
            d.async = dd.async(i);
            out.add(d);
            byName.put(d.name, d);
            byProbe.put(i, d);
        }
        // A child's time is inside its parent's: each keeps its own.
        int[] around = enclosing(probes, dd);
        for (Device d : out) {
            ProbeRun p = probes.get(d.probe);
            int up = p.parent() >= 0 ? p.parent() : around[d.probe];
            while (up >= 0 && !byProbe.containsKey(up)) {
                up = probes.get(up).parent();
            }
            if (up >= 0) {
                Device parent = byProbe.get(up);
                d.parent = parent.name;
                parent.probeUs = Math.max(0, parent.probeUs - p.durationUs());
            }
        }
        discover(log, dd, out, byName, waitEndsBefore, issues);
        return out;
    }

    /**
     * For probes outside every call (Attribution nests only those inside one): the probe each ran inside, or -1. A
     * synchronous probe lies inside the later-printed probe that created its device (usb's probe of 2-1 runs usb-storage's
     * probe of 2-1:1.0); an asynchronous one runs in its own worker, so two async probes that overlap are not nested.
     */
    private static int[] enclosing(List<ProbeRun> probes, DriverCoreLog dd) {
        int[] out = new int[probes.size()];
        java.util.Arrays.fill(out, -1);
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            ProbeRun p = probes.get(i);
            if (p.attributed()) {
                continue;
            }
            while (!open.isEmpty()) {
                ProbeRun last = probes.get(open.get(open.size() - 1));
                if (!dd.async(open.get(open.size() - 1)) && last.startUs() >= p.startUs() && last.endUs() <= p.endUs()
                        && p.durationUs() > 0) {
                    out[open.remove(open.size() - 1)] = i;
                } else {
                    break;
                }
            }
            open.add(i);
        }
        return out;
    }

    /** Parents and discovery times of the devices that appeared after their driver was registered. */
    private static void discover(BootLog log, DriverCoreLog dd, List<Device> devices, Map<String, Device> byName,
            java.util.function.IntFunction<Long> waitEndsBefore, Issues issues) {
        List<ProbeRun> probes = log.probes();
        List<LogEvent.ScsiHost> hosts = log.events(LogEvent.ScsiHost.class);
        List<Device> byEnd = new ArrayList<>(devices);
        byEnd.sort(java.util.Comparator.comparingLong(c -> probes.get(c.probe).endUs()));
        long[] ends = byEnd.stream().mapToLong(c -> probes.get(c.probe).endUs()).toArray();
        Map<Integer, Device> hostDevice = hostDevices(hosts, probes, byProbe(devices));
        Map<Device, List<Device>> found = new java.util.LinkedHashMap<>();
        Map<Device, Long> appeared = new HashMap<>();
        for (Device d : devices) {
            if (d.parent != null || d.supplier != null) {
                continue;
            }
            InitcallRun registrar = log.initcalls().get(d.owner);
            DriverCoreLog.Named named = dd.deviceNamed(d.name);
            if (named == null || !registrar.finished()
                    || (named.atUs() >= registrar.startUs() && named.atUs() <= registrar.endUs())) {
                continue; // added while its driver registered: it was there, or a probe inside the call created it
            }
            Device parent = busParent(d, dd.bus(d.probe), byName, hosts, hostDevice, named.atUs());
            String how = parent != null ? "by its bus's naming" : null;
            if (parent == null) {
                parent = lastBoundBefore(d, byEnd, ends, probes, named.atUs());
                how = "as the device bound last before it appeared";
            }
            if (parent == null) {
                continue;
            }
            d.parent = parent.name;
            appeared.put(d, named.atUs());
            found.computeIfAbsent(parent, k -> new ArrayList<>()).add(d);
            issues.add(named.line(), 1, DEVICE_DISCOVERED, d.name + " appears at " + Stamps.seconds(named.atUs()) + " s, outside"
                    + " the call that registers its driver " + d.driver + ": it is taken to be found by work " + parent.name
                    + "'s probe started (" + parent.name + " chosen " + how + ")");
        }
        found.forEach((parent, children) -> {
            ProbeRun pp = probes.get(parent.probe);
            long ranInWork = 0;
            long last = 0;
            for (Device c : children) {
                long after = Math.max(0, appeared.get(c) - pp.endUs() - ranInWork);
                c.discoveredAfterUs = after;
                last = Math.max(last, after);
                if (!c.async) {
                    ranInWork += probes.get(c.probe).durationUs(); // probed inside the work, on its clock
                }
            }
            parent.asyncWorkUs = last;
            Long waitEnds = parent.heldIn >= 0 ? waitEndsBefore.apply(parent.heldIn) : null;
            long lastSeen = children.stream().mapToLong(appeared::get).max().orElse(0);
            parent.asyncWorkQueue = waitEnds != null && lastSeen <= waitEnds ? "async" : "workqueue";
            issues.add(pp.line(), 1, WORK_QUEUE_ASSUMED, parent.name + "'s probe starts work that finds " + children.size()
                    + " device(s) in " + last + " µs; " + (parent.asyncWorkQueue.equals("async")
                            ? "they all appear before the load or boot step that ran the probe moved on, so the work is taken to be"
                            + " in the async domain (waited for)"
                            : "they appear after the load or boot step that ran the probe moved on, so the work is taken to run on"
                            + " a work queue nobody waits for"));
        });
    }

    /** USB (drivers/usb/core/usb.c usb_alloc_dev: "B-port.port…", the hub interface "B-path:1.0") and SCSI ("scsi hostH:"). */
    private static Device busParent(Device d, String bus, Map<String, Device> byName, List<LogEvent.ScsiHost> hosts,
            Map<Integer, Device> hostDevice, long at) {
        Matcher usb = USB_DEVICE.matcher(d.name);
        if ("usb".equals(bus) && usb.matches()) {
            String path = usb.group(2);
            int dot = path.lastIndexOf('.');
            String hub = usb.group(1) + "-" + (dot < 0 ? "0" : path.substring(0, dot)) + ":1.0";
            return byName.get(hub);
        }
        Matcher scsi = SCSI_DEVICE.matcher(d.name);
        if ("scsi".equals(bus) && scsi.matches()) {
            int host = Integer.parseInt(scsi.group(1));
            Device added = null;
            for (int h = 0; h < hosts.size() && hosts.get(h).atUs() <= at; h++) { // hosts are few: one per HBA
                if (hosts.get(h).host() == host) {
                    added = hostDevice.get(h);
                }
            }
            return added;
        }
        return null;
    }

    /**
     * For each "scsi hostH:" line (by index), the device whose probe printed it: the first probe line after it whose
     * probe had started by then (a probe's line comes after everything it printed, and the innermost comes first).
     */
    private static Map<Integer, Device> hostDevices(List<LogEvent.ScsiHost> hosts, List<ProbeRun> probes,
            Map<Integer, Device> byProbe) {
        Map<Integer, Device> out = new HashMap<>();
        int p = 0;
        for (int h = 0; h < hosts.size(); h++) {
            LogEvent.ScsiHost host = hosts.get(h);
            while (p < probes.size() && probes.get(p).line() < host.line()) {
                p++;
            }
            for (int q = p; q < probes.size(); q++) {
                ProbeRun r = probes.get(q);
                if (r.startUs() <= host.atUs()) {
                    if (byProbe.containsKey(q)) {
                        out.put(h, byProbe.get(q));
                    }
                    break;
                }
            }
        }
        return out;
    }

    private static Map<Integer, Device> byProbe(List<Device> devices) {
        Map<Integer, Device> out = new HashMap<>();
        devices.forEach(d -> out.put(d.probe, d));
        return out;
    }

    /** The device bound last at or before {@code at}, of another driver than {@code d}'s. */
    private static Device lastBoundBefore(Device d, List<Device> byEnd, long[] ends, List<ProbeRun> probes, long at) {
        int i = java.util.Arrays.binarySearch(ends, at);
        int k = i >= 0 ? i : -i - 2;
        while (i >= 0 && k + 1 < ends.length && ends[k + 1] == at) {
            k++;
        }
        for (; k >= 0; k--) { // back over devices of the same driver (siblings bound one after another)
            Device c = byEnd.get(k);
            if (c != d && !java.util.Objects.equals(c.driver, d.driver)) {
                return c;
            }
        }
        return null;
    }

    /** Names used, for the drivers a plan lists. */
    static Set<String> driverNames(List<Device> devices) {
        Set<String> out = new HashSet<>();
        devices.forEach(d -> out.add(d.driver));
        return out;
    }
}
