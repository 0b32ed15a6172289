package dev.bootplan.ingest.dmesg;

import static dev.bootplan.ingest.dmesg.DmesgLogs.issue;
import static dev.bootplan.ingest.dmesg.DmesgLogs.issues;
import static dev.bootplan.ingest.dmesg.DmesgLogs.kernel;
import static dev.bootplan.ingest.dmesg.DmesgLogs.maxLineChars;
import static dev.bootplan.ingest.dmesg.DmesgLogs.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.bootplan.ingest.IssueSeverity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One malformed or doubtful log per parse-time {@link DmesgIssueKind}: the exact issue, where it is, and what was
 * kept.
 */
class DmesgParserIssuesTests {

    @Test
    void everyIssueKindHasATestAssertingItsExactText() throws IOException {
        String tests;
        try (Stream<Path> files = Files.list(Path.of("src/test/java/dev/bootplan/ingest/dmesg"))) {
            tests = files.filter(f -> f.getFileName().toString().endsWith("Tests.java")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.joining()).replaceAll("\\s+", " ");
        }
        assertThat(Arrays.stream(DmesgIssueKind.values()).map(DmesgIssueKind::code)
                .filter(code -> !tests.contains("issue(\"" + code + "\", \"dmesg:"))).isEmpty();
    }

    @Test
    void noInitcallsIsAnErrorCountingTheLinesRead() {
        BootLog log = parse("""
                Booting Linux on physical CPU 0x0000000000 [0x410fd083]
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.312000] usb 1-1: new high-speed USB device number 2 using xhci_hcd
                """);

        assertThat(issues(log.issues())).containsExactly(issue("no-initcalls",
                "dmesg:0:0: no \"calling\"/\"initcall … returned\" line in 3 lines: boot with initcall_debug (and a log"
                        + " level that keeps KERN_DEBUG)"));
        assertThat(log.issues().get(0).severity()).isEqualTo(IssueSeverity.error);
        assertThat(log.lines()).isEqualTo(3);
        assertThat(log.kernelVersion()).isEqualTo("6.12");
        assertThat(log.initcalls()).isEmpty();
    }

    @Test
    void truncatedStartNamesTheFirstStamp() {
        BootLog log = parse("""
                [   12.480113] calling  fuse_init+0x0/0x1000 [fuse] @ 412
                [   12.480561] initcall fuse_init+0x0/0x1000 [fuse] returned 0 after 431 usecs
                """);

        assertThat(issues(log.issues())).containsExactly(issue("truncated-start",
                "dmesg:1:1: the log starts at 12.480113 s, not at 0: earlier lines were lost (ring buffer overrun);"
                        + " nothing before is imported"));
        assertThat(log.firstStampUs()).isEqualTo(12_480_113L);
        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("fuse_init", "fuse", 412, 12_480_113L, 12_480_561L, 0, 431L, null, 1, 2));
    }

    @Test
    void aPciQuirkCallingLineIsNotAnInitcall() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.400000] entering initcall level: subsys
                [    0.400012] calling  pci_subsys_init+0x0/0x90 @ 1
                [    0.401510] pci 0000:01:00.0: calling  quirk_usb_early_handoff+0x0/0x980 @ 1
                [    0.401887] pci 0000:01:00.0: quirk_usb_early_handoff+0x0/0x980 took 368 usecs
                [    0.402001] initcall pci_subsys_init+0x0/0x90 returned 0 after 1986 usecs
                """);

        assertThat(issues(log.issues())).containsExactly(issue("not-an-initcall",
                "dmesg:4:16: \"calling\" of the device quirk quirk_usb_early_handoff, not an initcall; skipped"));
        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("pci_subsys_init", null, 1, 400_012L, 402_001L, 0, 1986L, "subsys", 3, 6));
    }

    @Test
    void anInitcallLineWithoutAStampIsSkipped() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.500000] entering initcall level: device
                calling  serial8250_init+0x0/0x1b0 @ 1
                Serial: 8250/16550 driver, 4 ports, IRQ sharing enabled
                initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
                [    0.502000] calling  nvme_core_init+0x0/0xe0 @ 1
                [    0.502090] initcall nvme_core_init+0x0/0xe0 returned 0 after 81 usecs
                """);

        assertThat(issues(log.issues())).containsExactly(
                issue("no-timestamp", "dmesg:3:1: no [seconds.micros] stamp, so its time is unknown; line skipped"),
                issue("no-timestamp", "dmesg:5:1: no [seconds.micros] stamp, so its time is unknown; line skipped"));
        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("nvme_core_init", null, 1, 502_000L, 502_090L, 0, 81L, "device", 6, 7));
    }

    @Test
    void aBracketOfDigitsThatIsNotSecondsDotMicrosIsABadTimestamp() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.500000] entering initcall level: device
                [    0.500010] calling  serial8250_init+0x0/0x1b0 @ 1
                [0.501.253] initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
                <7>[  501253] Serial: 8250/16550 driver, 4 ports, IRQ sharing enabled
                """);

        assertThat(issues(log.issues())).containsExactly(
                // its one initcall's return has no time, so nothing returns: the log holds no boot
                issue("no-initcall-returned", "dmesg:0:0: no initcall returns: 1 \"calling\" line(s) in 5 lines, and"
                        + " no \"initcall … returned\" line pairs with one, so no initcall has a time and there is no boot"
                        + " to import"),
                issue("unfinished-initcall", "dmesg:3:1: initcall serial8250_init @ 1 has no \"returned\" line: it was"
                        + " still running when the log ends, or the line was lost"),
                issue("bad-timestamp", "dmesg:4:1: \"[0.501.253]\" is not a [seconds.micros] stamp; the line has no time"),
                issue("no-timestamp", "dmesg:4:13: no [seconds.micros] stamp, so its time is unknown; line skipped"),
                issue("bad-timestamp", "dmesg:5:4: \"[501253]\" is not a [seconds.micros] stamp; the line has no time"));
    }

    @Test
    void aStampEarlierThanTheLineBeforeIsKeptAsPrinted() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    8.035410] calling  brcmf_core_init+0x0/0x1000 [brcmfmac] @ 305
                [    8.035547] usb 1-1.4: new full-speed USB device number 3 using xhci_hcd
                [    8.035534] brcmfmac: brcmf_fw_alloc_request: using brcm/brcmfmac43455-sdio for chip BCM4345/6
                [    8.035600] initcall brcmf_core_init+0x0/0x1000 [brcmfmac] returned 0 after 187 usecs
                """);

        assertThat(issues(log.issues())).containsExactly(issue("time-went-backwards",
                "dmesg:4:1: 8.035534 s follows 8.035547 s (printk from another CPU); kept as printed"));
        assertThat(log.lastStampUs()).isEqualTo(8_035_600L);
    }

    @Test
    void linesThatStartLikeInitcallDebugButDoNotFitAreMalformed() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.500000] entering initcall level: device
                [    0.500010] calling  serial8250_init+0x0/0x1b0 @ 1
                [    0.500020] probe of serial8250 returned 0 after many usecs
                [    0.501253] initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
                [    0.501300] calling  ahci_pci_driver_init+0x0/0x30 @ 4294967296
                [    0.501400] entering initcall level: late device
                """);

        assertThat(issues(log.issues())).containsExactly(
                issue("malformed-line", "dmesg:4:16: does not fit the format \"probe of %s returned %d after %lld usecs\";"
                        + " line skipped"),
                issue("malformed-line", "dmesg:6:16: a number in this line does not fit the kernel's field; line skipped"),
                issue("malformed-line", "dmesg:7:16: does not fit the format \"entering initcall level: %s\"; line skipped"));
        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("serial8250_init", null, 1, 500_010L, 501_253L, 0, 1243L, "device", 3, 5));
        assertThat(log.probes()).isEmpty();
    }

    @Test
    void aMessageCutOverTwoLinesIsJoined() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.500000] entering initcall level: device
                [    0.500010] calling  serial8250_init+0x0/0x1b0 @ 1
                [    0.500900] probe of serial8250 returned 0 after 8
                61 usecs
                [    0.501253] initcall serial8250_init+0x0/0x1b0 returned 0 after
                 1243 usecs
                """);

        assertThat(issues(log.issues())).containsExactly(
                issue("wrapped-line", "dmesg:4:16: message continues on line 5; the two lines are read as one"),
                issue("wrapped-line", "dmesg:6:16: message continues on line 7; the two lines are read as one"));
        assertThat(log.probes()).containsExactly(
                new ProbeRun("serial8250", 0, ProbeResult.bound, 861, 500_900L, 4, 0, -1));
        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("serial8250_init", null, 1, 500_010L, 501_253L, 0, 1243L, "device", 3, 6));
        assertThat(log.lines()).isEqualTo(7);
    }

    @Test
    void twoStampedRecordsOnOneLineAreSplitAtTheSecondStamp() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.500000] entering initcall level: device
                [    0.500010] calling  serial8250_init+0x0/0x1b0 @ 1
                [    0.501200] random: crng init done[    0.501253] initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
                <6>[    0.502000] usb 1-1: new device<7>[    0.502100] initcall ghost_init+0x0/0x10 returned 0 after 3 usecs
                """);

        assertThat(issues(log.issues())).containsExactly(
                issue("interleaved-line", "dmesg:4:38: a second message starts at column 38; both are read"),
                issue("interleaved-line", "dmesg:5:38: a second message starts at column 38; both are read"),
                issue("unmatched-return", "dmesg:5:56: initcall ghost_init returned, but its \"calling\" line is not in"
                        + " the log; skipped"));
        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("serial8250_init", null, 1, 500_010L, 501_253L, 0, 1243L, "device", 3, 4));
        assertThat(log.lastStampUs()).isEqualTo(502_100L);
    }

    @Test
    void aLineLongerThanTheLimitIsCutAndTheCutIsReported() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.500000] entering initcall level: device
                [    0.500010] calling  serial8250_init+0x0/0x1b0 @ 1
                [    0.500500] Kernel command line: BOOT_IMAGE=/vmlinuz root=UUID=0a1b2c3d-4e5f-6789-abcd-ef0123456789 ro quiet
                [    0.501253] initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
                """, maxLineChars(100));

        assertThat(issues(log.issues())).containsExactly(issue("line-too-long",
                "dmesg:4:101: line longer than 100 characters; the rest of it is ignored"));
        assertThat(log.cmdline()).isEqualTo("BOOT_IMAGE=/vmlinuz root=UUID=0a1b2c3d-4e5f-6789-abcd-ef01234567");
        assertThat(log.initcalls()).hasSize(1);
        assertThat(log.lines()).isEqualTo(5);
    }

    @Test
    void aReturnWithoutItsCallingLineIsSkipped() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.500000] entering initcall level: device
                [    0.500010] initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
                [    0.500100] calling  nvme_core_init+0x0/0xe0 @ 1
                [    0.500190] initcall nvme_core_init+0x0/0xe0 returned 0 after 81 usecs
                [    3.100000] initcall fuse_init+0x0/0x1000 [fuse] returned 0 after 431 usecs
                """);

        assertThat(issues(log.issues())).containsExactly(
                issue("unmatched-return", "dmesg:3:16: initcall serial8250_init returned, but its \"calling\" line is"
                        + " not in the log; skipped"),
                issue("unmatched-return", "dmesg:6:16: initcall fuse_init [fuse] returned, but its \"calling\" line is"
                        + " not in the log; skipped"));
        assertThat(log.initcalls()).extracting(InitcallRun::label).containsExactly("nvme_core_init");
    }

    @Test
    void aCallingLineWithoutItsReturnStaysUnfinished() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.500000] entering initcall level: late
                [    0.500010] calling  deferred_probe_initcall+0x0/0xc8 @ 1
                [    2.100000] calling  snd_hda_intel_init+0x0/0x1000 [snd_hda_intel] @ 287
                """);

        assertThat(issues(log.issues())).containsExactly(
                // the import refuses a log like this one (DmesgHostileLogsTests); the parse still keeps what it read
                issue("no-initcall-returned", "dmesg:0:0: no initcall returns: 2 \"calling\" line(s) in 4 lines, and"
                        + " no \"initcall … returned\" line pairs with one, so no initcall has a time and there is no boot"
                        + " to import"),
                issue("unfinished-initcall", "dmesg:3:1: initcall deferred_probe_initcall @ 1 has no \"returned\" line:"
                        + " it was still running when the log ends, or the line was lost"),
                issue("unfinished-initcall", "dmesg:4:1: initcall snd_hda_intel_init [snd_hda_intel] @ 287 has no"
                        + " \"returned\" line: it was still running when the log ends, or the line was lost"));
        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("deferred_probe_initcall", null, 1, 500_010L, null, null, null, "late", 3, null),
                new InitcallRun("snd_hda_intel_init", "snd_hda_intel", 287, 2_100_000L, null, null, null, null, 4, null));
    }

    @Test
    void aProbeOutsideEveryCallIsUnattributed() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.500000] entering initcall level: device
                [    0.500100] calling  nvme_core_init+0x0/0xe0 @ 1
                [    0.500190] initcall nvme_core_init+0x0/0xe0 returned 0 after 81 usecs
                [    2.731000] probe of 0000:01:00.0 returned 0 after 212000 usecs
                """);

        assertThat(issues(log.issues())).containsExactly(issue("unattributed-probe",
                "dmesg:5:16: probe of 0000:01:00.0 ran 2.519000–2.731000 s outside every initcall and module load in the"
                        + " log (an async probe, a deferred retry, or its load's lines were lost); kept as an unattributed"
                        + " device"));
        assertThat(log.probes()).containsExactly(
                new ProbeRun("0000:01:00.0", 0, ProbeResult.bound, 212_000, 2_731_000L, 5, -1, -1));
    }

    @Test
    void aProbeInsideTwoModuleLoadsWithoutCallerIdsIsAmbiguous() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    3.000000] calling  e1000e_init_module+0x0/0x1000 [e1000e] @ 301
                [    3.000100] calling  ahci_pci_driver_init+0x0/0x1000 [ahci] @ 302
                [    3.000900] probe of 0000:00:1f.2 returned 0 after 700 usecs
                [    3.001000] initcall ahci_pci_driver_init+0x0/0x1000 [ahci] returned 0 after 897 usecs
                [    3.002000] initcall e1000e_init_module+0x0/0x1000 [e1000e] returned 0 after 1998 usecs
                """);

        assertThat(issues(log.issues())).containsExactly(issue("ambiguous-probe",
                "dmesg:4:16: probe of 0000:00:1f.2 lies inside e1000e_init_module [e1000e] and ahci_pci_driver_init [ahci]"
                        + " and the log has no caller ids to choose; left unattributed"));
        assertThat(log.probes()).containsExactly(
                new ProbeRun("0000:00:1f.2", 0, ProbeResult.bound, 700, 3_000_900L, 4, -1, -1));
    }

    @Test
    void aReportedDurationLongerThanTheStampsSayIsNoted() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.055800] calling  ethnl_init+0x0/0x90 @ 1
                [    0.056409] initcall ethnl_init+0x0/0x90 returned 0 after 4000 usecs
                [    0.056420] calling  nexthop_init+0x0/0x40 @ 1
                [    0.056430] initcall nexthop_init+0x0/0x40 returned 0 after 12 usecs
                [    0.056440] calling  fib6_rules_init+0x0/0x40 @ 1
                [    0.056450] initcall fib6_rules_init+0x0/0x40 returned 0 after 13 usecs
                """);

        assertThat(issues(log.issues())).containsExactly(
                issue("level-unknown", "dmesg:2:16: 3 built-in initcalls from here on come before the first \"entering"
                        + " initcall level:\" line; the log does not say their level"),
                issue("duration-mismatch", "dmesg:3:16: ethnl_init reports 4000 usecs but its lines are 609 µs apart (a"
                        + " coarse clock before the clocksource switch?); the stamps are used"),
                // 12 reported against 10 stamped is within the 2 µs slack; 13 is not
                issue("duration-mismatch", "dmesg:7:16: fib6_rules_init reports 13 usecs but its lines are 10 µs apart (a"
                        + " coarse clock before the clocksource switch?); the stamps are used"));
        assertThat(log.initcalls().get(0).endUs()).isEqualTo(56_409L);
    }

    @Test
    void aProbeReturningOneWithoutAKernelVersionIsReadByTheNewConventionOnce() {
        String text = """
                [    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd083]
                [    0.500000] entering initcall level: device
                [    0.500100] calling  mmc_blk_init+0x0/0xe0 @ 1
                [    0.500150] probe of mmc0:0001 returned 1 after 30 usecs
                [    0.500200] probe of mmc1:0001 returned 1 after 20 usecs
                [    0.500300] initcall mmc_blk_init+0x0/0xe0 returned 0 after 190 usecs
                """;
        BootLog log = parse(text);

        assertThat(issues(log.issues())).containsExactly(issue("probe-convention-assumed",
                "dmesg:4:16: probe of mmc0:0001 returned 1: read by the v5.14+ convention (an error), as the log does not"
                        + " print the kernel version; before v5.14 1 meant bound"));
        assertThat(log.probes()).extracting(ProbeRun::result).containsExactly(ProbeResult.failed, ProbeResult.failed);

        BootLog given = parse(text, kernel("5.10"));
        assertThat(given.issues()).isEmpty();
        assertThat(given.probes()).extracting(ProbeRun::result).containsExactly(ProbeResult.bound, ProbeResult.bound);
    }

    @Test
    void builtInsBeforeTheFirstLevelLineHaveNoLevel() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.051384] calling  proc_schedstat_init+0x0/0x58 @ 1
                [    0.051401] initcall proc_schedstat_init+0x0/0x58 returned 0 after 0 usecs
                [    0.051410] calling  init_rtmutex_sysctl+0x0/0x50 @ 1
                [    0.051421] initcall init_rtmutex_sysctl+0x0/0x50 returned 0 after 0 usecs
                [    0.060000] entering initcall level: fs
                [    0.060010] calling  init_pipe_fs+0x0/0x80 @ 1
                [    0.060060] initcall init_pipe_fs+0x0/0x80 returned 0 after 44 usecs
                """);

        assertThat(issues(log.issues())).containsExactly(issue("level-unknown",
                "dmesg:2:16: 2 built-in initcalls from here on come before the first \"entering initcall level:\" line;"
                        + " the log does not say their level"));
        assertThat(log.initcalls()).extracting(InitcallRun::function, InitcallRun::level).containsExactly(
                tuple("proc_schedstat_init", null), tuple("init_rtmutex_sysctl", null), tuple("init_pipe_fs", "fs"));
        assertThat(log.events(LogEvent.LevelEntered.class)).containsExactly(new LogEvent.LevelEntered(60_000L, 6, "fs"));
    }
}
