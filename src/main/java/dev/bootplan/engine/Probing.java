package dev.bootplan.engine;

import dev.bootplan.engine.plan.DevicePlan;
import dev.bootplan.engine.sim.Processors;
import dev.bootplan.engine.sim.Step;
import dev.bootplan.engine.sim.Task;
import dev.bootplan.report.SpanKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The driver core (drivers/base/dd.c): driver registration attaching to existing devices, devices
 * added to registered drivers, one probe attempt with its deferral, firmware requests, binding.
 * Everything happens on the task that calls it, as in the kernel; async probes get their own item.
 */
final class Probing {

    private final Simulation sim;
    private final StartedWork startedWork;
    private boolean warnedEarlyFirmware;

    Probing(Simulation sim) {
        this.sim = sim;
        this.startedWork = new StartedWork(sim, this);
    }

    /** Registers {@code drivers} in order, each followed by its synchronous probes, then runs {@code then}. */
    List<Step> register(List<Integer> drivers, Task task, Runnable then) {
        return List.of(new Step.Run(() -> registerFrom(drivers, 0, task, then)));
    }

    private void registerFrom(List<Integer> drivers, int i, Task task, Runnable then) {
        if (i == drivers.size()) {
            then.run();
            return;
        }
        List<Step> steps = new ArrayList<>(registerDriver(drivers.get(i), task));
        steps.add(new Step.Run(() -> registerFrom(drivers, i + 1, task, then)));
        task.pushFront(steps);
    }

    /** driver_register → bus_add_driver → driver_attach: every present, unbound device of the driver, in bus order. */
    private List<Step> registerDriver(int drv, Task task) {
        sim.registered[drv] = true;
        sim.deferred.driverRegistered();
        List<Integer> devices = new ArrayList<>();
        for (int d : sim.devicesOfDriver[drv]) {
            if (sim.status[d] == DevStatus.PRESENT) {
                devices.add(d);
            }
        }
        List<Step> steps = new ArrayList<>();
        if (devices.isEmpty()) {
            return steps;
        }
        if (!sim.policy.driverAsync()[drv]) {
            for (int d : devices) {
                steps.add(probe(d, task, false));
            }
        } else if (sim.knobs.version().compareTo(Knobs.PER_DEVICE_ASYNC) >= 0) {
            for (int d : devices) {
                steps.addAll(queueAsyncProbe(d, task)); // v5.1+ (ef0ff68351be): one item per device
            }
        } else {
            // v4.2 – v5.0: one item for the whole driver, probing its devices one after another.
            for (int d : devices) {
                sim.status[d] = DevStatus.PROBING;
            }
            task.usedAsync = true;
            sim.async.queue(new AsyncPool.Item(sim.ownerOf(devices.getFirst()), false,
                    t -> devices.stream().map(d -> probe(d, t, true)).toList()));
        }
        return steps;
    }

    /** device_add → bus_probe_device: a device appearing probes at once if its driver is registered. */
    List<Step> deviceAdded(int d, Task task) {
        sim.status[d] = DevStatus.PRESENT;
        int drv = sim.driverOf(d);
        if (!sim.registered[drv]) {
            if (sim.userspaceStarted && sim.isModular(drv)) {
                sim.udev.hotplug(d);
            }
            return List.of();
        }
        return sim.policy.driverAsync()[drv] ? queueAsyncProbe(d, task) : List.of(probe(d, task, false));
    }

    /**
     * __device_attach(dev, allow_async=true): one async item for the device, or — when async.c already has
     * more than MAX_WORK entries pending — the probe runs synchronously in the caller.
     */
    List<Step> queueAsyncProbe(int d, Task task) {
        if (sim.async.pending() > BootSettings.MAX_WORK) {
            if (sim.asyncOverflows++ == 0) {
                sim.firstOverflowUs = sim.now();
            }
            return List.of(probe(d, task, false));
        }
        sim.status[d] = DevStatus.PROBING;
        task.usedAsync = true;
        sim.async.queue(new AsyncPool.Item(sim.ownerOf(d), false, t -> List.of(probe(d, t, true))));
        return List.of();
    }

    Step probe(int d, Task task, boolean async) {
        return new Step.Run(() -> beginAttempt(d, task, async));
    }

    private void beginAttempt(int d, Task task, boolean async) {
        if (sim.status[d] == DevStatus.BOUND || sim.status[d] == DevStatus.FAILED) {
            return;
        }
        DevicePlan dev = sim.plan.devices().get(d);
        sim.attempts[d]++;
        sim.probeStartUs[d] = sim.now();
        sim.ranAsync[d] = async;
        if (task.fatalSignal() && dev.killable()) {
            fail(d, task, killedReason(), -4); // the pending SIGKILL fails every later killable probe as it starts
            return;
        }
        int missing = missingSupplier(d);
        if (missing >= 0 && !(sim.deferred.timedOut() && sim.plan.drivers().get(dev.driver()).giveUpOnDeferTimeout())) {
            // With fw_devlink enforcing links the core defers before calling probe(); otherwise probe() runs to its defer point.
            long cost = sim.settings.fwDevlinkEnforced() ? 0 : dev.deferCostUs();
            sim.status[d] = DevStatus.PROBING;
            task.pushFront(List.of(new Step.Work(cost, dev.killable(), (start, killed) -> {
                if (killed) {
                    fail(d, task, killedReason(), -4);
                } else {
                    defer(d, task, missing);
                }
            })));
            return;
        }
        sim.status[d] = DevStatus.PROBING;
        requestFirmware(d, task, 0);
    }

    /**
     * Whether retrying deferred device {@code d} now would change nothing: its driver core check defers it again at no
     * cost (fw_devlink enforcing links, or no defer cost), before probe(), for the same missing supplier. The deferred
     * work still walks it (the kernel retries every pending device on every bind) but the engine records no span and
     * no log line for it, only the attempt: a plan cannot make its report grow with the square of its devices.
     */
    boolean retryChangesNothing(int d) {
        DevicePlan dev = sim.plan.devices().get(d);
        int missing = missingSupplier(d);
        return sim.status[d] == DevStatus.DEFERRED && missing >= 0 && missing == sim.waitedOnSupplier[d]
                && (sim.settings.fwDevlinkEnforced() || dev.deferCostUs() == 0)
                && !(sim.deferred.timedOut() && sim.plan.drivers().get(dev.driver()).giveUpOnDeferTimeout());
    }

    private int missingSupplier(int d) {
        for (int s : sim.plan.devices().get(d).suppliers()) {
            if (sim.status[s] != DevStatus.BOUND) {
                return s;
            }
        }
        return -1;
    }

    /** request_firmware(): built-in firmware, else the filesystem after wait_for_initramfs(), else the fallback. */
    private void requestFirmware(int d, Task task, int i) {
        List<String> files = sim.plan.drivers().get(sim.driverOf(d)).firmware();
        if (i == files.size()) {
            runProbe(d, task);
            return;
        }
        String file = files.get(i);
        if (sim.plan.firmware().builtin().contains(file)) {
            requestFirmware(d, task, i + 1);
            return;
        }
        if (!sim.initramfsQueued) {
            // init/initramfs.c wait_for_initramfs(): called before rootfs_initcall it warns and returns at once
            // ("avoid deadlocking the machine, and let the caller's access fail"); the filesystem is still empty.
            if (!warnedEarlyFirmware) {
                warnedEarlyFirmware = true; // pr_warn_once
                sim.log.print(sim.now(), "wait_for_initramfs() called before rootfs_initcalls");
            }
            firmwareMissing(d, task, file);
            return;
        }
        task.pushFront(List.of(new Step.Await(sim.initramfsUnpacked, false, (since, interrupted) -> {
            if (sim.now() > since) {
                sim.timeline.add(task.lane(), SpanKind.firmwareWait, sim.deviceName(d), since, sim.now());
            }
            var fw = sim.plan.firmware();
            boolean found = sim.rootMounted ? fw.rootfs().contains(file) : sim.plan.initramfsPresent() && fw.initramfs().contains(file);
            if (found) {
                requestFirmware(d, task, i + 1);
            } else {
                firmwareMissing(d, task, file);
            }
        })));
    }

    private void firmwareMissing(int d, Task task, String file) {
        sim.log.print(sim.now(), sim.deviceName(d) + ": Direct firmware load for " + file + " failed with error -2");
        sim.firmwareFailures.record(sim.driverOf(d), file, sim.now(), sim.ranAsync[d], sim.rootMounted);
        var fw = sim.plan.firmware();
        if (!fw.fallbackForced()) {
            fail(d, task, "firmware " + file + " not available at " + TimeText.of(sim.now()) + " (error -2)", -2);
            return;
        }
        long since = sim.now();
        task.pushFront(List.of(new Step.Work(fw.fallbackTimeoutUs(), true, (start, killed) -> {
            sim.timeline.add(task.lane(), SpanKind.firmwareWait, sim.deviceName(d), since, sim.now());
            fail(d, task, "firmware " + file + " not available; the forced sysfs fallback "
                    + (killed ? "was interrupted by udev's kill" : "timed out after " + TimeText.of(fw.fallbackTimeoutUs())), -11);
        })));
    }

    /**
     * The probe's own time, its CPU share interleaved with its waiting across the whole span (a probe submits a
     * request, sleeps, computes, submits the next…): it competes for the CPUs all along and stretches when they are
     * busy (see {@link dev.bootplan.engine.sim.Processors}).
     */
    private void runProbe(int d, Task task) {
        DevicePlan dev = sim.plan.devices().get(d);
        int lock = sim.plan.drivers().get(dev.driver()).probeLock() ? dev.driver() : Processors.NO_LOCK;
        task.pushFront(List.of(new Step.Work(dev.probeUs(), sim.cpuShare(dev.cpu()), lock, dev.killable(), (start, killed) -> {
            sim.contendedUs[d] = Math.max(0, sim.now() - start - dev.probeUs());
            if (killed) {
                fail(d, task, killedReason(), -4);
            } else {
                probeReturned(d, task);
            }
        })));
    }

    /**
     * probe() has returned: the children it created probe now (nested if synchronous), the work it started is queued
     * (children that work creates appear as it goes), then the device binds.
     */
    private void probeReturned(int d, Task task) {
        List<Step> next = new ArrayList<>();
        for (int c : sim.children[d]) {
            if (sim.status[c] == DevStatus.ABSENT && sim.plan.devices().get(c).discoveredAfterUs() == null) {
                next.addAll(deviceAdded(c, task));
            }
        }
        if (sim.plan.devices().get(d).asyncWorkUs() > 0) {
            next.addAll(startedWork.start(d, task));
        }
        next.add(new Step.Run(() -> bind(d, task)));
        task.pushFront(next);
    }

    private void bind(int d, Task task) {
        sim.status[d] = DevStatus.BOUND;
        finishAttempt(d, task, sim.knobs.version().atLeast(5, 14) ? 0 : 1);
        if (sim.plan.rootDevice() != null && sim.plan.rootDevice().equals(sim.deviceName(d))) {
            sim.rootReady.open();
        }
        sim.deferred.trigger(); // every successful bind retries the pending devices (once retries are enabled)
    }

    private void defer(int d, Task task, int supplier) {
        sim.status[d] = DevStatus.DEFERRED;
        sim.waitedOnSupplier[d] = supplier;
        finishAttempt(d, task, sim.knobs.version().atLeast(5, 14) ? -517 : 0);
        sim.deferred.add(d);
    }

    void fail(int d, Task task, String reason, int rc) {
        sim.status[d] = DevStatus.FAILED;
        sim.failure[d] = reason;
        finishAttempt(d, task, rc);
    }

    private void finishAttempt(int d, Task task, int rc) {
        long start = sim.probeStartUs[d];
        sim.probeEndUs[d] = sim.now();
        sim.changed(d);
        SpanKind kind = sim.status[d] == DevStatus.DEFERRED ? SpanKind.deferral
                : sim.ranAsync[d] ? SpanKind.asyncProbe : SpanKind.syncProbe;
        sim.timeline.add(task.lane(), kind, sim.deviceName(d), start, sim.now(), sim.contendedUs[d]);
        sim.log.probeReturned(sim.now(), sim.deviceName(d), rc, sim.now() - start);
    }

    private String killedReason() {
        return "killed by udev (SIGKILL to the loading worker at " + TimeText.of(sim.now()) + ")";
    }
}
