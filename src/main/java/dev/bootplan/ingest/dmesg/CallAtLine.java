package dev.bootplan.ingest.dmesg;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * Which call registered each driver dd.c names: the call whose "calling" and "returned" lines enclose the first line
 * that names the driver (driver_register() attaches at once, so a driver is first named inside the call that
 * registers it; usbcore's "registered new … driver" line names the ones that bind nothing yet). Where calls overlap
 * (two udev workers), the one that started last is the innermost. One sweep over the log's lines.
 */
final class CallAtLine {

    private CallAtLine() {}

    static Map<String, Integer> ownersOf(BootLog log, DriverCoreLog dd) {
        Map<String, Integer> out = new HashMap<>();
        if (!dd.present()) {
            return out;
        }
        List<Map.Entry<String, DriverCoreLog.Named>> firsts = new java.util.ArrayList<>();
        for (LogEvent e : log.events()) {
            String driver = switch (e) {
                case LogEvent.DriverCore d -> d.driver();
                case LogEvent.DriverRegistered r -> r.driver();
                default -> null;
            };
            if (driver != null && dd.driverNamed(driver) != null && dd.driverNamed(driver).line() == e.line()) {
                firsts.add(Map.entry(driver, dd.driverNamed(driver)));
            }
        }
        List<InitcallRun> calls = log.initcalls();
        TreeSet<Integer> open = new TreeSet<>();
        PriorityQueue<Integer> byEnd = new PriorityQueue<>((a, b) -> Integer.compare(calls.get(a).returnLine(), calls.get(b).returnLine()));
        int next = 0;
        for (Map.Entry<String, DriverCoreLog.Named> f : firsts) {
            int line = f.getValue().line();
            for (; next < calls.size() && calls.get(next).callingLine() < line; next++) {
                if (calls.get(next).finished()) {
                    open.add(next);
                    byEnd.add(next);
                }
            }
            while (!byEnd.isEmpty() && calls.get(byEnd.peek()).returnLine() < line) {
                open.remove(byEnd.poll());
            }
            if (!open.isEmpty() && !out.containsKey(f.getKey())) {
                out.put(f.getKey(), open.last());
            }
        }
        return out;
    }
}
