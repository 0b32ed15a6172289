package dev.bootplan.ingest.dmesg;

import dev.bootplan.ingest.ImportIssue;
import java.util.List;

/**
 * Everything a dmesg import read: initcalls in the order their "calling" lines appear, probe lines in log
 * order, the other events, the kernel version, command line, systemd version, CPU count and memory when the log
 * prints them, the first and last
 * stamps, and every issue in line order.
 */
public record BootLog(
        String source,
        String kernelVersion,
        String cmdline,
        Integer systemdVersion,
        Integer cpus,
        Long memoryKiB,
        boolean udevSeen,
        Long firstStampUs,
        Long lastStampUs,
        int lines,
        List<InitcallRun> initcalls,
        List<ProbeRun> probes,
        List<LogEvent> events,
        List<ImportIssue> issues,
        long issuesDropped) {

    public BootLog {
        initcalls = List.copyOf(initcalls);
        probes = List.copyOf(probes);
        events = List.copyOf(events);
        issues = List.copyOf(issues);
    }

    public <E extends LogEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
