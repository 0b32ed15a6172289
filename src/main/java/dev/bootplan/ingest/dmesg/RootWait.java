package dev.bootplan.ingest.dmesg;

import static dev.bootplan.ingest.dmesg.DmesgIssueKind.ROOT_DEVICE_INFERRED;

import dev.bootplan.ingest.Issues;
import dev.bootplan.manifest.UserspaceSpec;
import java.util.List;

/**
 * "Waiting for root device %s..." (init/do_mounts.c: 6.1 prepare_namespace(), 6.12 wait_for_root()) is printed when
 * the kernel, booted with rootwait and no initramfs, finds the root device missing; it then polls until the device is
 * there and mounts it. The log names the device as root= gives it (PARTUUID=…, /dev/mmcblk0p2), not as the driver
 * core does, so the plan's root device is the device that bound last between that line and the root mount: the one
 * the wait ended on.
 */
final class RootWait {

    private RootWait() {}

    static UserspaceSpec apply(BootLog log, UserspaceSpec spec, List<LogDevices.Device> devices, Issues issues) {
        var wait = log.events(LogEvent.RootWait.class).stream().findFirst();
        var mounted = log.events(LogEvent.RootMounted.class).stream().findFirst();
        if (wait.isEmpty()) {
            return spec;
        }
        long from = wait.get().atUs();
        long to = mounted.map(LogEvent::atUs).orElse(Long.MAX_VALUE);
        LogDevices.Device root = null;
        long rootEnd = -1;
        for (LogDevices.Device d : devices) {
            long end = log.probes().get(d.probe).endUs();
            if (end >= from && end <= to && end > rootEnd) {
                root = d;
                rootEnd = end;
            }
        }
        if (root == null) {
            issues.add(wait.get().line(), 1, ROOT_DEVICE_INFERRED, "the kernel waits for root device " + wait.get().device()
                    + ", but no device the plan holds binds before the root is mounted; the plan names no root device");
            return spec;
        }
        issues.add(wait.get().line(), 1, ROOT_DEVICE_INFERRED, "the kernel waits for root device " + wait.get().device()
                + " (rootwait); " + root.name + ", the device bound last before the root mount ("
                + Stamps.seconds(rootEnd) + " s), is taken to be it");
        return new UserspaceSpec(spec.expectsSyncProbe(), root.name, spec.initrdStartup(), spec.rootSwitch(), spec.rootStartup(),
                spec.udev(), spec.moduleLoads());
    }
}
