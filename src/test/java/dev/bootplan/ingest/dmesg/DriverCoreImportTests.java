package dev.bootplan.ingest.dmesg;

import static dev.bootplan.ingest.dmesg.DmesgLogs.issue;
import static dev.bootplan.ingest.dmesg.DmesgLogs.issues;
import static dev.bootplan.ingest.dmesg.DmesgLogs.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.manifest.DeviceSpec;
import dev.bootplan.manifest.DriverSpec;
import dev.bootplan.manifest.InitcallSpec;
import dev.bootplan.manifest.ModuleLoadSpec;
import dev.bootplan.manifest.ModuleSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the import reads beyond initcall_debug: drivers/base/dd.c's debug lines (driver, bus, async), the SCSI scan's
 * and the USB core's lines, rootwait, the levels a log without level lines gets from the kernel's source, module loads
 * udev did not start, and the evaluator's validation as the import's last step. Each issue kind with its exact text.
 */
class DriverCoreImportTests {

    /** A 6.1 boot with dd.c's debug lines, no level lines and no udev: an initramfs script insmods ahci, then sd_mod. */
    private static final String SCRIPT_BOOT = """
            [    0.000000] Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) (gcc-12) #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2
            [    0.000000] Command line: console=ttyS0 initcall_debug dyndbg="file drivers/base/dd.c +p" rdinit=/init
            [    0.010000] Memory: 260916K/523668K available (14343K kernel code, 2338K rwdata)
            [    0.050000] clocksource: Switched to clocksource tsc
            [    0.100000] calling  ipc_ns_init+0x0/0x42 @ 1
            [    0.100010] initcall ipc_ns_init+0x0/0x42 returned 0 after 9 usecs
            [    0.200000] calling  init_pipe_fs+0x0/0x63 @ 1
            [    0.200010] initcall init_pipe_fs+0x0/0x63 returned 0 after 9 usecs
            [    0.300000] calling  deferred_probe_initcall+0x0/0x90 @ 1
            [    0.300010] initcall deferred_probe_initcall+0x0/0x90 returned 0 after 9 usecs
            [    1.000000] Run /init as init process
            [    1.100000] calling  ahci_pci_driver_init+0x0/0x1000 [ahci] @ 88
            [    1.100010] bus: 'pci': __driver_probe_device: matched device 0000:00:1f.2 with driver ahci
            [    1.100020] bus: 'pci': really_probe: probing driver ahci with device 0000:00:1f.2
            [    1.101000] scsi host1: ahci
            [    1.102020] probe of 0000:00:1f.2 returned 0 after 2000 usecs
            [    1.102100] initcall ahci_pci_driver_init+0x0/0x1000 [ahci] returned 0 after 2100 usecs
            [    1.400000] scsi 1:0:0:0: Direct-Access     ATA      QEMU HARDDISK    2.5+ PQ: 0 ANSI: 5
            [    1.450000] calling  init_sd+0x0/0x1000 [sd_mod] @ 90
            [    1.450100] scsi 1:0:0:0: probing driver sd asynchronously
            [    1.450200] bus: 'scsi': really_probe: probing driver sd with device 1:0:0:0
            [    1.455200] probe of 1:0:0:0 returned 0 after 5000 usecs
            [    1.455300] initcall init_sd+0x0/0x1000 [sd_mod] returned 0 after 5300 usecs
            """;

    @Test
    void aLogWithoutLevelLinesTakesItsLevelsFromTheCallsTheKernelPlaces() {
        PlanFromLog.Result plan = plan(SCRIPT_BOOT);

        assertThat(issues(plan.issues(), "level-from-source")).containsExactly(
                issue("level-from-source", "dmesg:5:1: the log prints no \"entering initcall level:\" line; ipc_ns_init is a"
                        + " pure_initcall (ipc/shm.c), so it and the built-in initcalls after it are placed at pure"),
                issue("level-from-source", "dmesg:7:1: the log prints no \"entering initcall level:\" line; init_pipe_fs is a"
                        + " fs_initcall (fs/pipe.c), so it and the built-in initcalls after it are placed at fs"),
                issue("level-from-source", "dmesg:9:1: the log prints no \"entering initcall level:\" line;"
                        + " deferred_probe_initcall is a late_initcall (drivers/base/dd.c), so it and the built-in initcalls"
                        + " after it are placed at late"));
        assertThat(plan.manifest().initcalls()).extracting(InitcallSpec::name, InitcallSpec::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ipc_ns_init", "pure"), org.assertj.core.groups.Tuple.tuple("init_pipe_fs", "fs"),
                org.assertj.core.groups.Tuple.tuple("deferred_probe_initcall", "late"));
    }

    @Test
    void driverCoreLinesNameTheDriversTheBusesAndTheAsyncProbes() {
        PlanFromLog.Result plan = plan(SCRIPT_BOOT);

        assertThat(plan.manifest().drivers()).extracting(DriverSpec::name, DriverSpec::probeType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ahci", "default"), org.assertj.core.groups.Tuple.tuple("sd", "prefer-async"));
        assertThat(issues(plan.issues(), "probe-type-from-log")).containsExactly(issue("probe-type-from-log",
                "dmesg:22:1: sd probed asynchronously and nothing on the command line asks for it: the plan says prefer-async"
                        + " (PROBE_PREFER_ASYNCHRONOUS; an async_probe option given to its module's load would look the same)"));
        assertThat(plan.manifest().machine().memory()).isEqualTo("523668KiB");
    }

    @Test
    void aDeviceAScanFindsHangsOffTheProbeThatStartedTheScan() {
        PlanFromLog.Result plan = plan(SCRIPT_BOOT);

        // Plan issues come in the order the plan is built; the import's answer sorts them by line.
        assertThat(issues(plan.issues(), "device-discovered", "work-queue-assumed")).containsExactly(
                issue("device-discovered", "dmesg:18:1: 1:0:0:0 appears at 1.400000 s, outside the call that registers its"
                        + " driver sd: it is taken to be found by work 0000:00:1f.2's probe started (0000:00:1f.2 chosen by its"
                        + " bus's naming)"),
                issue("work-queue-assumed", "dmesg:16:1: 0000:00:1f.2's probe starts work that finds 1 device(s) in 297980 µs;"
                        + " they all appear before the load or boot step that ran the probe moved on, so the work is taken to be"
                        + " in the async domain (waited for)"));
        DeviceSpec hba = plan.manifest().devices().get(0);
        DeviceSpec disk = plan.manifest().devices().get(1);
        assertThat(List.of(hba.name(), hba.driver(), hba.probeTime(), hba.asyncWork(), hba.asyncWorkQueue()))
                .containsExactly("0000:00:1f.2", "ahci", "2000us", "297980us", "async");
        assertThat(List.of(disk.name(), disk.driver(), disk.parent(), disk.discoveredAfter()))
                .containsExactly("1:0:0:0", "sd", "0000:00:1f.2", "297980us");
    }

    @Test
    void withoutUdevEveryModuleIsLoadedByNameFromTheEndOfTheLoadBefore() {
        PlanFromLog.Result plan = plan(SCRIPT_BOOT);

        assertThat(issues(plan.issues(), "loads-by-name")).containsExactly(issue("loads-by-name", "dmesg:12:1: the log never"
                + " names udevd, so 2 module(s) from ahci on are loaded by name, one after another (no two loads overlap, by"
                + " initramfs-script); each load runs from the end of what the log shows of the one before it to its init's"
                + " \"calling\" line; the first's start is not in the log, so its load is taken as the median of the others"
                + " (100000 µs); modules without an init function print nothing, so their loads are inside the next module's"));
        assertThat(plan.manifest().userspace().udev()).isFalse();
        assertThat(plan.manifest().userspace().moduleLoads()).containsExactly(new ModuleLoadSpec("initramfs-script", "initrd",
                "0us", "serial", "0us", List.of(new ModuleLoadSpec.Entry("ahci", null), new ModuleLoadSpec.Entry("sd_mod", null))));
        // sd_mod's load: from ahci's init returning (1.102100) to init_sd's calling (1.450000); the disk's scan is ahci's work.
        assertThat(plan.manifest().modules()).extracting(ModuleSpec::name, ModuleSpec::loadTime, ModuleSpec::loadCpuPercent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ahci", "100000us", 100),
                        org.assertj.core.groups.Tuple.tuple("sd_mod", "347900us", 100));
    }

    @Test
    void waitingForTheRootDeviceGivesRootwaitItsDevice() {
        PlanFromLog.Result plan = plan("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.000000] Command line: root=/dev/sda1 rootwait initcall_debug
                [    0.050000] clocksource: Switched to clocksource tsc
                [    0.100000] calling  usb_storage_driver_init+0x0/0x10 @ 1
                [    0.100010] usbcore: registered new interface driver usb-storage
                [    0.100020] initcall usb_storage_driver_init+0x0/0x10 returned 0 after 20 usecs
                [    0.200000] calling  deferred_probe_initcall+0x0/0x90 @ 1
                [    0.200010] initcall deferred_probe_initcall+0x0/0x90 returned 0 after 9 usecs
                [    0.300000] Waiting for root device /dev/sda1...
                [    0.900000] usb 1-1:1.0: bus: 'usb': __driver_probe_device: matched device with driver usb-storage
                [    0.900010] usb 1-1:1.0: bus: 'usb': really_probe: probing driver usb-storage with device
                [    0.902010] probe of 1-1:1.0 returned 0 after 2000 usecs
                [    0.950000] EXT4-fs (sda1): mounted filesystem 15f4c6be-1102-4331-9904-f78e78afd1fd ro with ordered data mode.
                [    0.960000] Run /sbin/init as init process
                """);

        assertThat(issues(plan.issues(), "root-device-inferred")).containsExactly(issue("root-device-inferred",
                "dmesg:9:1: the kernel waits for root device /dev/sda1 (rootwait); 1-1:1.0, the device bound last before the"
                        + " root mount (0.902010 s), is taken to be it"));
        assertThat(plan.manifest().userspace().rootDevice()).isEqualTo("1-1:1.0");
        assertThat(plan.manifest().devices()).extracting(DeviceSpec::driver).containsExactly("usb-storage");
    }

    @Test
    void whatTheEvaluatorRefusesIsLeftOutAtItsLine() {
        PlanFromLog.Result plan = plan("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.100000] entering initcall level: late
                [    0.100010] calling  deferred_probe_initcall+0x0/0x90 @ 1
                [    0.100020] initcall deferred_probe_initcall+0x0/0x90 returned 0 after 9 usecs
                [    0.200010] calling  deferred_probe_initcall+0x0/0x90 @ 1
                [    0.200020] initcall deferred_probe_initcall+0x0/0x90 returned 0 after 9 usecs
                """);

        assertThat(issues(plan.issues(), "not-placed")).containsExactly(issue("not-placed", "dmesg:5:1: initcall"
                + " deferred_probe_initcall is left out of the plan: /initcalls/1/name deferred_probe_initcall is listed more"
                + " than once"));
        assertThat(plan.manifest().initcalls()).hasSize(1);
    }
}
