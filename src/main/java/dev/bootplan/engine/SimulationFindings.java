package dev.bootplan.engine;

import dev.bootplan.engine.plan.Cycles;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The findings of probe-model.md §11 that a finished simulation shows. */
final class SimulationFindings {

    private static final int NAMES_SHOWN = 5;

    private SimulationFindings() {}

    static void collect(Simulation sim, Findings f) {
        udevEvents(sim, f);
        globalWaits(sim, f);
        firmware(sim, f);
        userspace(sim, f);
        builtinOrdering(sim, f);
        Set<Integer> inCycles = supplierCycles(sim, f);
        deferred(sim, f, inCycles);
        pools(sim, f);
    }

    private static void udevEvents(Simulation sim, Findings f) {
        int[] killedWaiting = new int[sim.modules.length]; // killed events of each module other than the loading one
        for (UdevEvent o : sim.udev.events()) {
            int m = o.module;
            if (o.killed && sim.modules[m].loadedBy != o) {
                killedWaiting[m]++;
            }
        }
        for (ModuleRun run : sim.modules) {
            UdevEvent e = run.loadedBy;
            if (e == null) {
                continue;
            }
            String module = sim.plan.modules().get(run.index).name();
            int others = killedWaiting[run.index];
            if (e.killed) {
                List<String> lost = new ArrayList<>();
                for (int drv : sim.plan.modules().get(run.index).drivers()) {
                    for (int d : sim.devicesOfDriver[drv]) {
                        if (sim.status[d] == DevStatus.FAILED && sim.failure[d].startsWith("killed")) {
                            lost.add(sim.deviceName(d));
                        }
                    }
                }
                f.add(FindingCode.UDEV_EVENT_KILLED, Severity.error, module, e.killAtUs(),
                        "udev killed the worker loading " + module + " (event for " + sim.deviceName(e.device) + ") after "
                                + TimeText.of(e.settings.killAfterUs()) + "; " + lost.size() + " device(s) lost"
                                + names(lost) + (others > 0 ? "; " + others + " other event(s) waiting for it left with -EINTR" : "")
                                + ".",
                        "Load " + module + " with async_probe, raise udev.event_timeout=, or make its probes faster.");
            } else if (e.warned) {
                f.add(FindingCode.UDEV_EVENT_SLOW, Severity.warning, module, e.warnAtUs(),
                        "The udev event loading " + module + " ran past T/3 (" + TimeText.of(e.settings.warnAfterUs())
                                + "); udevd logs \"is taking a long time\".",
                        "Load " + module + " with async_probe, or check its probe times.");
            }
        }
    }

    private static void globalWaits(Simulation sim, Findings f) {
        for (ModuleRun run : sim.modules) {
            if (run.waitStartUs < 0) {
                continue;
            }
            String module = sim.plan.modules().get(run.index).name();
            long ownEnd = Math.max(run.waitStartUs, run.lastOwnAsyncEndUs);
            if (!run.waitedOn.isEmpty() && run.waitEndUs > ownEnd) {
                f.add(FindingCode.GLOBAL_ASYNC_WAIT, Severity.warning, module, run.waitStartUs,
                        "finit_module(" + module + ") waited " + TimeText.of(run.waitEndUs - ownEnd)
                                + " in do_init_module()'s async_synchronize_full() for other modules' async work: "
                                + String.join(", ", run.waitedOn) + ".",
                        "Load " + module + " with async_probe: a module with async_probe_requested skips the global wait.");
            }
            boolean preferAsync = sim.plan.modules().get(run.index).drivers().stream().anyMatch(drv ->
                    sim.plan.drivers().get(drv).probeType() == ProbeType.PREFER_ASYNC && sim.policy.driverAsync()[drv]);
            if (preferAsync && run.lastOwnAsyncEndUs > run.waitStartUs) {
                f.add(FindingCode.PREFER_ASYNC_BLOCKS_LOAD, Severity.warning, module, run.waitStartUs,
                        module + " has a PROBE_PREFER_ASYNCHRONOUS driver, yet its load blocked its udev worker for "
                                + TimeText.of(run.lastOwnAsyncEndUs - run.waitStartUs)
                                + " until its own async probes finished (the module did not request async probing).",
                        "Load " + module + " with async_probe (options " + module + " async_probe) so finit_module() returns at once.");
            }
        }
    }

    private static void firmware(Simulation sim, Findings f) {
        var fw = sim.plan.firmware();
        for (FirmwareFailures.Failure x : sim.firmwareFailures.all()) {
            String driver = sim.driverName(x.driver);
            String where = fw.rootfs().contains(x.file) && !x.afterRootMounted ? " (it is only on the root filesystem, not mounted yet)" : "";
            f.add(FindingCode.FIRMWARE_UNAVAILABLE, Severity.error, driver, x.firstUs,
                    driver + " requested " + x.file + " but it was not available" + where + "; " + x.devices + " device(s) "
                            + (fw.fallbackForced() ? "stalled " + TimeText.of(fw.fallbackTimeoutUs()) + " in the sysfs fallback and failed"
                            : "failed with error -2") + ".",
                    "Put " + x.file + " in the initramfs or build it in (CONFIG_EXTRA_FIRMWARE), or load it later "
                            + "(request_firmware_nowait, or at open()).");
            if (x.async) {
                f.add(FindingCode.ASYNC_FIRMWARE_WORKAROUND, Severity.warning, driver, x.firstUs,
                        driver + " probes asynchronously and still misses " + x.file + ": async probing does not wait for the "
                                + "root filesystem (built-in async probes finish before /init; module probes run within "
                                + "milliseconds, inside the initramfs).",
                        "Do not rely on async probing for firmware: ship the file in the initramfs or defer the load.");
            }
        }
    }

    private static void userspace(Simulation sim, Findings f) {
        for (int drv = 0; drv < sim.plan.drivers().size(); drv++) {
            String name = sim.driverName(drv);
            if (sim.policy.driverAsync()[drv] && sim.plan.expectsSyncProbe().contains(name)) {
                f.add(FindingCode.USERSPACE_EXPECTS_SYNC, Severity.warning, name, null,
                        "Userspace expects " + name + "'s devices right after modprobe returns, but it probes asynchronously: "
                                + "they may not exist yet.",
                        "Keep " + name + " synchronous (mode forced-sync does), or make userspace wait for the device (udev rules).");
            }
        }
    }

    private static void builtinOrdering(Simulation sim, Findings f) {
        for (int drv : Hazards.unorderedBuiltins(sim.plan, sim.ownerInitcall)) {
            if (sim.policy.driverAsync()[drv]) {
                String name = sim.driverName(drv);
                f.add(FindingCode.BUILTIN_ASYNC_ORDERING, Severity.warning, name, null,
                        "Built-in " + name + " probes asynchronously but a supplier of its devices is not registered by an "
                                + "earlier initcall: it relies on deferral and retry, the setting in which async built-ins crash.",
                        "Order the supplier's initcall first, or keep " + name + " synchronous.");
            }
        }
    }

    private static Set<Integer> supplierCycles(Simulation sim, Findings f) {
        List<List<Integer>> edges = sim.plan.devices().stream().map(d -> d.suppliers()).toList();
        Set<Integer> members = new HashSet<>();
        for (List<Integer> cycle : Cycles.find(edges)) {
            members.addAll(cycle);
            f.add(FindingCode.SUPPLIER_CYCLE, Severity.error, sim.deviceName(cycle.getFirst()), null,
                    "Supplier cycle: " + cycle.stream().map(sim::deviceName).collect(Collectors.joining(" -> "))
                            + "; these devices can never bind.",
                    "Break the cycle in the device tree (fw_devlink treats it as a cycle only for links it can see).");
        }
        return members;
    }

    private static void deferred(Simulation sim, Findings f, Set<Integer> inCycles) {
        Map<Integer, List<Integer>> pending = new LinkedHashMap<>();
        Map<Integer, List<Integer>> retried = new LinkedHashMap<>();
        for (int d = 0; d < sim.status.length; d++) {
            if (sim.status[d] == DevStatus.DEFERRED && !inCycles.contains(d)) {
                pending.computeIfAbsent(sim.driverOf(d), k -> new ArrayList<>()).add(d);
            } else if (sim.status[d] == DevStatus.BOUND && sim.attempts[d] > 1) {
                retried.computeIfAbsent(sim.driverOf(d), k -> new ArrayList<>()).add(d);
            }
        }
        Long at = sim.deferred.firedAtUs() >= 0 ? sim.deferred.firedAtUs() : null;
        pending.forEach((drv, devs) -> f.add(FindingCode.DEFERRED_PENDING, Severity.warning, sim.driverName(drv), at,
                devs.size() + " device(s) of " + sim.driverName(drv) + " still deferred" + names(devs.stream().map(sim::deviceName).toList())
                        + ", waiting for " + suppliers(sim, devs) + (at == null ? "" : "; reported at the deferred-probe timeout") + ".",
                "Make sure the supplier's driver is built in or in the initramfs, or check deferred_probe_timeout=."));
        retried.forEach((drv, devs) -> f.add(FindingCode.DEFERRED_RETRIES, Severity.info, sim.driverName(drv),
                sim.probeEndUs[devs.getFirst()],
                devs.size() + " device(s) of " + sim.driverName(drv) + " bound after deferring (up to "
                        + devs.stream().mapToInt(d -> sim.attempts[d]).max().orElse(0) + " attempts), waiting for "
                        + suppliers(sim, devs) + ".",
                "Register the suppliers' drivers earlier to save the retries."));
    }

    private static String suppliers(Simulation sim, List<Integer> devs) {
        return devs.stream().map(d -> sim.waitedOnSupplier[d]).filter(s -> s >= 0).distinct().limit(NAMES_SHOWN)
                .map(sim::deviceName).collect(Collectors.joining(", "));
    }

    private static void pools(Simulation sim, Findings f) {
        if (sim.async.queuedBehindLimit() > 0) {
            f.add(FindingCode.ASYNC_POOL_SATURATED, Severity.info, "async", sim.async.firstSaturationUs(),
                    sim.async.queuedBehindLimit() + " async item(s) waited for a free worker (max_active = "
                            + sim.async.maxActive() + "); up to " + sim.async.peakPending() + " were pending at once.",
                    "Expected with many slow async probes; their parallelism is capped at max_active.");
        }
        if (sim.asyncOverflows > 0) {
            f.add(FindingCode.ASYNC_QUEUE_OVERFLOW, Severity.warning, "async", sim.firstOverflowUs,
                    sim.asyncOverflows + " async probe(s) ran synchronously in the caller because more than MAX_WORK = "
                            + BootSettings.MAX_WORK + " async entries were pending.",
                    "Fewer devices per driver registration, or accept the synchronous fallback.");
        }
        if (sim.udev.waitedForWorker > 0) {
            f.add(FindingCode.UDEV_WORKERS_SATURATED, Severity.info, "udev", sim.udev.firstSaturationUs,
                    "udev events waited for a free worker (children_max = " + sim.settings.udevRootfs().childrenMax() + ").",
                    "Raise udev.children_max= if module loads are slow and independent.");
        }
    }

    private static String names(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        return " (" + names.stream().limit(NAMES_SHOWN).collect(Collectors.joining(", "))
                + (names.size() > NAMES_SHOWN ? ", …" : "") + ")";
    }
}
