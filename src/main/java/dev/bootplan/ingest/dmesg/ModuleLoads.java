package dev.bootplan.ingest.dmesg;

import static dev.bootplan.ingest.dmesg.DmesgIssueKind.LOADS_BY_NAME;

import dev.bootplan.ingest.Issues;
import dev.bootplan.manifest.ModuleLoadSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Module loads udev did not start: an initramfs script's insmods, systemd-modules-load, modprobe@ units, PID 1's own
 * (ipv6, autofs4). A log shows a load only by its init's "calling … [module] @ pid" line, so a boot whose log never
 * names udevd loaded every module by name, and in a boot with udev the loads that bind no device of the plan and that
 * no udev worker loaded as a dependency were someone else's. Each loader is one process loading one module after
 * another (kernel/module/main.c: finit_module() runs the whole load, init included, in the caller): a list per PID,
 * or one list for a phase whose loads never overlap (a script forks an insmod per module). A load runs from the end
 * of what the log shows of the one before it in its list (its init's return; with one loader alone in its phase, the
 * last probe before the next load, which its async_synchronize_full() waited for) to its own "calling" line: the
 * loader's own time and the loads of modules without an init function, which print nothing, are inside it.
 */
final class ModuleLoads {

    /** The loads by name (indices into {@link BootLog#initcalls()}), each one's load time (µs), and the plan's lists. */
    record Result(Map<Integer, Long> loadUs, List<ModuleLoadSpec> lists, boolean udev) {

        static Result none(boolean udev) {
            return new Result(Map.of(), List.of(), udev);
        }
    }

    private ModuleLoads() {}

    static Result of(BootLog log, Set<Integer> byUdev, boolean initramfs, Issues issues) {
        Long init = log.events(LogEvent.InitStarted.class).stream().map(LogEvent::atUs).findFirst().orElse(null);
        boolean udev = log.udevSeen();
        if (init == null) {
            return Result.none(true);
        }
        Long root = log.events(LogEvent.RootMounted.class).stream().map(LogEvent::atUs).findFirst().orElse(null);
        List<InitcallRun> calls = log.initcalls();
        Set<String> seen = new HashSet<>();
        Map<String, List<Integer>> byPhase = new LinkedHashMap<>();
        for (int c = 0; c < calls.size(); c++) {
            InitcallRun run = calls.get(c);
            if (run.builtin() || !run.finished() || !seen.add(run.module()) || run.startUs() < init
                    || (udev && byUdev.contains(c))) {
                continue;
            }
            boolean initrd = initramfs && (root == null || run.startUs() < root);
            byPhase.computeIfAbsent(initrd ? "initrd" : "rootfs", k -> new ArrayList<>()).add(c);
        }
        if (byPhase.isEmpty()) {
            return Result.none(udev);
        }
        // The lists: one per phase when its loads never overlap (one loader at a time), else one per PID.
        List<List<Integer>> lists = new ArrayList<>();
        List<String> phases = new ArrayList<>();
        byPhase.forEach((phase, loads) -> {
            if (!udev && serial(calls, loads)) {
                lists.add(loads);
                phases.add(phase);
            } else {
                Map<Integer, List<Integer>> byPid = new LinkedHashMap<>();
                loads.forEach(c -> byPid.computeIfAbsent(calls.get(c).pid(), k -> new ArrayList<>()).add(c));
                byPid.values().forEach(l -> {
                    lists.add(l);
                    phases.add(phase);
                });
            }
        });
        long[] probeEnds = log.probes().stream().mapToLong(ProbeRun::endUs).sorted().toArray();
        Map<Integer, Long> loadUs = new HashMap<>();
        List<Long> measured = new ArrayList<>();
        boolean alone = !udev && lists.size() == byPhase.size(); // one loader per phase: every probe between its loads is theirs
        for (List<Integer> list : lists) {
            for (int k = 1; k < list.size(); k++) {
                long from = alone ? shownEnd(log, probeEnds, list.get(k - 1), calls.get(list.get(k)).startUs())
                        : calls.get(list.get(k - 1)).endUs();
                long us = calls.get(list.get(k)).startUs() - from;
                loadUs.put(list.get(k), Math.max(0, us));
                measured.add(Math.max(0, us));
            }
        }
        long median = measured.isEmpty() ? 0 : measured.stream().sorted().toList().get(measured.size() / 2);
        List<ModuleLoadSpec> specs = new ArrayList<>();
        for (int l = 0; l < lists.size(); l++) {
            List<Integer> list = lists.get(l);
            InitcallRun first = calls.get(list.get(0));
            boolean initrd = phases.get(l).equals("initrd");
            long phaseStart = initrd || root == null ? init : root;
            long gap = Math.max(0, first.startUs() - phaseStart);
            long firstLoad = Math.min(gap, median);
            loadUs.put(list.get(0), firstLoad);
            String by = !udev && initrd ? "initramfs-script" : first.pid() == 1 ? "systemd" : "other";
            specs.add(new ModuleLoadSpec(by, phases.get(l), (gap - firstLoad) + "us", "serial", "0us",
                    list.stream().map(c -> new ModuleLoadSpec.Entry(calls.get(c).module(), null)).toList()));
            issues.add(first.callingLine(), 1, LOADS_BY_NAME, udev
                    ? list.size() + " module(s) from " + first.module() + " on, in PID " + first.pid() + ", bind no device of the"
                            + " plan and no udev worker loaded them for one: loaded by name (" + by + "), one after another; the"
                            + " first load's start is not in the log, so it is taken as the median load (" + firstLoad + " µs)"
                    : "the log never names udevd, so " + list.size() + " module(s) from " + first.module() + " on are loaded by"
                            + " name, one after another (" + (lists.size() == byPhase.size() ? "no two loads overlap"
                                    : "PID " + first.pid()) + ", by " + by + "); each load runs from the end of what the log"
                            + " shows of the one before it to its init's \"calling\" line; the first's start is not in the log,"
                            + " so its load is taken as the median of the others (" + firstLoad + " µs); modules without an"
                            + " init function print nothing, so their loads are inside the next module's");
        }
        return new Result(loadUs, specs, udev);
    }

    /** Whether no two of {@code loads} overlap in time: one loader, one module at a time. */
    private static boolean serial(List<InitcallRun> calls, List<Integer> loads) {
        for (int k = 1; k < loads.size(); k++) {
            if (calls.get(loads.get(k)).startUs() < calls.get(loads.get(k - 1)).endUs()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The end of what the log shows of load {@code c} before {@code until}: its init's return, or the last probe that
     * ended after it and before the next load began (the async work a load without async_probe waits for).
     */
    private static long shownEnd(BootLog log, long[] probeEnds, int c, long until) {
        long end = log.initcalls().get(c).endUs();
        int at = java.util.Arrays.binarySearch(probeEnds, until);
        int last = at >= 0 ? at : -at - 2; // the last probe end at or before until
        while (at >= 0 && last + 1 < probeEnds.length && probeEnds[last + 1] == until) {
            last++;
        }
        return last >= 0 && probeEnds[last] > end ? probeEnds[last] : end;
    }
}
