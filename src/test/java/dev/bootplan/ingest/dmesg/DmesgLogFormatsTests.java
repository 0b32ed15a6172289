package dev.bootplan.ingest.dmesg;

import static dev.bootplan.ingest.dmesg.DmesgLogs.issue;
import static dev.bootplan.ingest.dmesg.DmesgLogs.issues;
import static dev.bootplan.ingest.dmesg.DmesgLogs.kernel;
import static dev.bootplan.ingest.dmesg.DmesgLogs.maxLineChars;
import static dev.bootplan.ingest.dmesg.DmesgLogs.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/**
 * What probe-model.md §12 promises an importer tolerates: prefixes, missing stamps, cut, joined and long lines, both
 * return-code conventions.
 */
class DmesgLogFormatsTests {

    @Test
    void syslogPrioritiesBeforeTheStampAreSkippedAndColumnsCountThem() {
        BootLog log = parse("""
                <6>[    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                <7>[    0.500000] entering initcall level: device
                <7>[    0.500010] calling  serial8250_init+0x0/0x1b0 @ 1
                <12>[    0.500900] probe of serial8250 returned 0 after 861 usecs
                <7>[    0.501253] initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
                <7>[    0.501300] initcall ghost_init+0x0/0x10 returned 0 after 3 usecs
                <3>[    9.000000] systemd-udevd[230]: sda: Worker [231] processing SEQNUM=1234 is taking a long time.
                """);

        assertThat(log.kernelVersion()).isEqualTo("6.12");
        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("serial8250_init", null, 1, 500_010L, 501_253L, 0, 1243L, "device", 3, 5));
        assertThat(log.probes()).containsExactly(new ProbeRun("serial8250", 0, ProbeResult.bound, 861, 500_900L, 4, 0, -1));
        assertThat(log.events()).containsExactly(
                new LogEvent.LevelEntered(500_000L, 2, "device"),
                new LogEvent.UdevTimeout(9_000_000L, 7, "sda", 231, 1234L, false));
        assertThat(issues(log.issues())).containsExactly(issue("unmatched-return",
                "dmesg:6:19: initcall ghost_init returned, but its \"calling\" line is not in the log; skipped"));
    }

    @Test
    void unstampedLinesAreReadForWhatNeedsNoTimeAndInitcallLinesAmongThemAreSkipped() {
        BootLog log = parse("""
                Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                Kernel command line: BOOT_IMAGE=/vmlinuz root=/dev/sda2 ro initcall_debug
                calling  serial8250_init+0x0/0x1b0 @ 1
                initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
                """);

        assertThat(log.kernelVersion()).isEqualTo("6.12");
        assertThat(log.cmdline()).isEqualTo("BOOT_IMAGE=/vmlinuz root=/dev/sda2 ro initcall_debug");
        assertThat(log.firstStampUs()).isNull();
        assertThat(issues(log.issues())).containsExactly(
                issue("no-initcalls", "dmesg:0:0: no \"calling\"/\"initcall … returned\" line in 4 lines: boot with"
                        + " initcall_debug (and a log level that keeps KERN_DEBUG)"),
                issue("no-timestamp", "dmesg:3:1: no [seconds.micros] stamp, so its time is unknown; line skipped"),
                issue("no-timestamp", "dmesg:4:1: no [seconds.micros] stamp, so its time is unknown; line skipped"));
    }

    @Test
    void printkCallerIdsPutEachProbeInTheModuleLoadOfItsTask() {
        BootLog log = parse("""
                [    0.000000][    T0] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    3.000000][  T301] calling  e1000e_init_module+0x0/0x1000 [e1000e] @ 301
                [    3.000100][  T302] calling  ahci_pci_driver_init+0x0/0x1000 [ahci] @ 302
                [    3.000900][  T302] probe of 0000:00:1f.2 returned 0 after 700 usecs
                [    3.001500][  T301] probe of 0000:00:19.0 returned 0 after 1400 usecs
                [    3.001600][    C1] probe of 0000:00:14.0 returned 0 after 50 usecs
                [    3.001700][  T302] initcall ahci_pci_driver_init+0x0/0x1000 [ahci] returned 0 after 1597 usecs
                [    3.002000][  T301] initcall e1000e_init_module+0x0/0x1000 [e1000e] returned 0 after 1998 usecs
                """);

        assertThat(log.probes()).containsExactly(
                new ProbeRun("0000:00:1f.2", 0, ProbeResult.bound, 700, 3_000_900L, 4, 1, -1),
                new ProbeRun("0000:00:19.0", 0, ProbeResult.bound, 1400, 3_001_500L, 5, 0, -1),
                new ProbeRun("0000:00:14.0", 0, ProbeResult.bound, 50, 3_001_600L, 6, -1, -1));
        // a CPU id ([C1]: printed from interrupt context) names no task
        assertThat(issues(log.issues())).containsExactly(issue("ambiguous-probe",
                "dmesg:6:24: probe of 0000:00:14.0 lies inside e1000e_init_module [e1000e] and ahci_pci_driver_init [ahci]"
                        + " and the log has no caller ids to choose; left unattributed"));
    }

    @Test
    void aCallerIdTooLongForAPidIsSkippedWithoutAPid() {
        // Bug fixed: Integer.parseInt threw NumberFormatException out of the parser (found by reading LogLine.parse).
        BootLog log = parse("""
                [    0.000000][    T0] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.500000][    T1] entering initcall level: device
                [    0.500010][T99999999999] calling  serial8250_init+0x0/0x1b0 @ 1
                [    0.500900][T99999999999] probe of serial8250 returned 0 after 861 usecs
                [    0.501253][    T1] initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
                """);

        assertThat(log.issues()).isEmpty();
        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("serial8250_init", null, 1, 500_010L, 501_253L, 0, 1243L, "device", 3, 5));
        assertThat(log.probes()).containsExactly(new ProbeRun("serial8250", 0, ProbeResult.bound, 861, 500_900L, 4, 0, -1));
    }

    @Test
    void aDeviceQuirkCallingLineNeitherOpensNorClosesAnInitcall() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.400000] entering initcall level: device
                [    0.400012] calling  xhci_pci_init+0x0/0x90 @ 1
                [    0.401510] xhci_hcd 0000:01:00.0: calling  quirk_via_vlink+0x0/0x130 @ 1
                [    0.401887] xhci_hcd 0000:01:00.0: quirk_via_vlink+0x0/0x130 took 0 usecs
                [    0.402500] probe of 0000:01:00.0 returned 0 after 2300 usecs
                [    0.402600] initcall xhci_pci_init+0x0/0x90 returned 0 after 2584 usecs
                """);

        assertThat(issues(log.issues())).containsExactly(issue("not-an-initcall",
                "dmesg:4:16: \"calling\" of the device quirk quirk_via_vlink, not an initcall; skipped"));
        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("xhci_pci_init", null, 1, 400_012L, 402_600L, 0, 2584L, "device", 3, 7));
        assertThat(log.probes()).containsExactly(new ProbeRun("0000:01:00.0", 0, ProbeResult.bound, 2300, 402_500L, 6, 0, -1));
    }

    @Test
    void aLogThatStartsLateIsImportedFromItsFirstLineAndTheTimeBeforeIsEarlyBoot() {
        String text = """
                [    0.051384] calling  proc_schedstat_init+0x0/0x58 @ 1
                [    0.051401] initcall proc_schedstat_init+0x0/0x58 returned 0 after 0 usecs
                """;
        BootLog log = parse(text);

        assertThat(issues(log.issues())).containsExactly(
                issue("truncated-start", "dmesg:1:1: the log starts at 0.051384 s, not at 0: earlier lines were lost (ring"
                        + " buffer overrun); nothing before is imported"),
                issue("level-unknown", "dmesg:1:16: 1 built-in initcalls from here on come before the first \"entering"
                        + " initcall level:\" line; the log does not say their level"));
        assertThat(log.firstStampUs()).isEqualTo(51_384L);
        assertThat(new PlanFromLog().build(log, "name").manifest().kernel().earlyBoot()).isEqualTo("51384us");
    }

    @Test
    void threeRecordsOnOneLineAreAllRead() {
        BootLog log = parse("""
                [    0.500000] entering initcall level: device
                [    0.500010] calling  a_init+0x0/0x10 @ 1[    0.500020] initcall a_init+0x0/0x10 returned 0 after 9 usecs[    0.500030] calling  b_init+0x0/0x10 @ 1
                """);

        assertThat(issues(log.issues())).containsExactly(
                issue("truncated-start", "dmesg:1:1: the log starts at 0.500000 s, not at 0: earlier lines were lost (ring"
                        + " buffer overrun); nothing before is imported"),
                issue("unfinished-initcall", "dmesg:2:1: initcall b_init @ 1 has no \"returned\" line: it was still running"
                        + " when the log ends, or the line was lost"),
                issue("interleaved-line", "dmesg:2:44: a second message starts at column 44; both are read"),
                issue("interleaved-line", "dmesg:2:108: a second message starts at column 108; both are read"));
        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("a_init", null, 1, 500_010L, 500_020L, 0, 9L, "device", 2, 2),
                new InitcallRun("b_init", null, 1, 500_030L, null, null, null, "device", 2, null));
    }

    @Test
    void aStampRightAfterAStampStartsASecondRecordAfterAnEmptyOne() {
        // Bug fixed: a record whose message is empty ("[ 0.500005] " then the next record) hid the next record, and
        // with it the line's initcall, without an issue. Interleaving only looked for a second stamp after index 0.
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.500000] entering initcall level: device
                [    0.500005] [    0.500010] calling  serial8250_init+0x0/0x1b0 @ 1
                [    0.501200] <7>[    0.501253] initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
                """);

        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("serial8250_init", null, 1, 500_010L, 501_253L, 0, 1243L, "device", 3, 4));
        assertThat(issues(log.issues())).containsExactly(
                issue("interleaved-line", "dmesg:3:16: a second message starts at column 16; both are read"),
                issue("interleaved-line", "dmesg:4:16: a second message starts at column 16; both are read"));
    }

    @Test
    void aSyslogPriorityOfMoreThanThreeDigitsIsNotAPrefixOfTheSecondRecord() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.500000] entering initcall level: device
                [    0.500010] calling  serial8250_init+0x0/0x1b0 @ 1
                [    0.501200] x<1234>[    0.501253] initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
                """);

        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("serial8250_init", null, 1, 500_010L, 501_253L, 0, 1243L, "device", 3, 4));
        assertThat(issues(log.issues())).containsExactly(
                issue("interleaved-line", "dmesg:4:23: a second message starts at column 23; both are read"));
    }

    @Test
    void aSyslogPriorityOfOtherDigitsThanAsciiIsNotAPrefixOfTheSecondRecord() {
        // Found by DmesgParserFuzzTests#anyText (seed crash-syslog-priority-of-arabic-indic-digits): Interleaving took
        // "<\u06f2>" for a priority (Character.isDigit) and LogLine did not, so the split did not move and the parser
        // recursed until the stack overflowed.
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.500000] entering initcall level: device
                [    0.500010] calling  serial8250_init+0x0/0x1b0 @ 1
                [    0.501200] x<\u06f2>[    0.501253] initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
                """);

        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("serial8250_init", null, 1, 500_010L, 501_253L, 0, 1243L, "device", 3, 4));
        assertThat(issues(log.issues())).containsExactly(
                issue("interleaved-line", "dmesg:4:20: a second message starts at column 20; both are read"));
    }

    @Test
    void aWrappedCallingLineIsJoinedWithoutASpaceWhenThatFits() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    8.035410] calling  brcmf_core_init+0x0/0x1000 [brcmf
                mac] @ 305
                [    8.035600] initcall brcmf_core_init+0x0/0x1000 [brcmfmac] returned 0 after 187 usecs
                """);

        assertThat(issues(log.issues())).containsExactly(
                issue("wrapped-line", "dmesg:2:16: message continues on line 3; the two lines are read as one"));
        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("brcmf_core_init", "brcmfmac", 305, 8_035_410L, 8_035_600L, 0, 187L, null, 2, 4));
    }

    @Test
    void anUnstampedLineThatDoesNotCompleteAMalformedOneIsReadOnItsOwn() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.500000] entering initcall level: device
                [    0.500010] calling  serial8250_init+0x0/0x1b0 @ 1
                [    0.500900] probe of serial8250 returned 0 after 861
                Kernel command line: console=ttyS0,115200
                [    0.501253] initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
                """);

        assertThat(issues(log.issues())).containsExactly(issue("malformed-line",
                "dmesg:4:16: does not fit the format \"probe of %s returned %d after %lld usecs\"; line skipped"));
        assertThat(log.cmdline()).isEqualTo("console=ttyS0,115200");
        assertThat(log.probes()).isEmpty();
    }

    @Test
    void beforeV514AProbeReturnsOneWhenBoundAndZeroWhenNot() {
        BootLog log = parse("""
                [    0.000000] Linux version 5.10.0-28-amd64 (debian-kernel@lists.debian.org)
                [    0.500000] entering initcall level: device
                [    0.500010] calling  ahci_pci_driver_init+0x0/0x30 @ 1
                [    0.500100] probe of 0000:00:1f.2 returned 1 after 60 usecs
                [    0.500200] probe of 0000:00:1f.3 returned 0 after 40 usecs
                [    0.500300] initcall ahci_pci_driver_init+0x0/0x30 returned 0 after 288 usecs
                """);

        assertThat(log.kernelVersion()).isEqualTo("5.10");
        assertThat(log.issues()).isEmpty();
        assertThat(log.probes()).containsExactly(
                new ProbeRun("0000:00:1f.2", 1, ProbeResult.bound, 60, 500_100L, 4, 0, -1),
                new ProbeRun("0000:00:1f.3", 0, ProbeResult.notBound, 40, 500_200L, 5, 0, -1));
    }

    private static final String SIX_PROBES = """
            [    0.000000] Linux version 6.1.0-57-amd64 (debian-kernel@lists.debian.org)
            [    0.500000] entering initcall level: device
            [    0.500010] calling  platform_bus_init+0x0/0x30 @ 1
            [    0.500100] probe of fe340000.mmc returned 0 after 50 usecs
            [    0.500200] probe of regulator-sd-vcc returned 517 after 50 usecs
            [    0.500300] probe of fe300000.mmcnr returned -517 after 50 usecs
            [    0.500400] probe of fd5d2000.avs-monitor returned 19 after 50 usecs
            [    0.500500] probe of fe00b840.mailbox returned -19 after 50 usecs
            [    0.500600] probe of fe804000.i2c returned 1 after 50 usecs
            [    0.500700] initcall platform_bus_init+0x0/0x30 returned 0 after 688 usecs
            """;

    @Test
    void fromV514ZeroIsBoundAndBothSignsOf517AreDeferred() {
        BootLog log = parse(SIX_PROBES);

        assertThat(log.kernelVersion()).isEqualTo("6.1");
        assertThat(log.issues()).isEmpty();
        assertThat(log.probes()).extracting(ProbeRun::device, ProbeRun::returnCode, ProbeRun::result).containsExactly(
                tuple("fe340000.mmc", 0, ProbeResult.bound),
                tuple("regulator-sd-vcc", 517, ProbeResult.deferred),
                tuple("fe300000.mmcnr", -517, ProbeResult.deferred),
                tuple("fd5d2000.avs-monitor", 19, ProbeResult.failed),
                tuple("fe00b840.mailbox", -19, ProbeResult.failed),
                tuple("fe804000.i2c", 1, ProbeResult.failed));
    }

    @Test
    void theRequestsKernelVersionWinsOverTheLogsAnd514IsTheBoundary() {
        BootLog v513 = parse(SIX_PROBES, kernel("5.13"));
        BootLog v514 = parse(SIX_PROBES, kernel("5.14"));
        BootLog v419 = parse(SIX_PROBES, kernel("4.19.0-27-amd64"));

        assertThat(v513.kernelVersion()).isEqualTo("5.13");
        assertThat(v513.probes()).extracting(ProbeRun::result).containsExactly(ProbeResult.notBound, ProbeResult.failed,
                ProbeResult.failed, ProbeResult.failed, ProbeResult.failed, ProbeResult.bound);
        assertThat(v419.probes()).extracting(ProbeRun::result).containsExactly(ProbeResult.notBound, ProbeResult.failed,
                ProbeResult.failed, ProbeResult.failed, ProbeResult.failed, ProbeResult.bound);
        assertThat(v514.probes()).extracting(ProbeRun::result).containsExactly(ProbeResult.bound, ProbeResult.deferred,
                ProbeResult.deferred, ProbeResult.failed, ProbeResult.failed, ProbeResult.failed);
    }

    @Test
    void aLineOfExactlyTheLimitIsWholeAndOneMoreCharacterIsCut() {
        String forty = "[    0.600000] " + "x".repeat(25);
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                %s
                %sy
                """.formatted(forty, forty), maxLineChars(40));

        assertThat(issues(log.issues())).containsExactly(
                issue("no-initcalls", "dmesg:0:0: no \"calling\"/\"initcall … returned\" line in 3 lines: boot with"
                        + " initcall_debug (and a log level that keeps KERN_DEBUG)"),
                issue("line-too-long", "dmesg:1:41: line longer than 40 characters; the rest of it is ignored"),
                issue("line-too-long", "dmesg:3:41: line longer than 40 characters; the rest of it is ignored"));
        assertThat(log.kernelVersion()).isEqualTo("6.12");
    }

    @Test
    void aMegabyteLineIsCutAtTheLimitAndTheNextLinesAreRead() {
        BootLog log = parse("""
                [    0.500000] entering initcall level: device
                [    0.500010] calling  serial8250_init+0x0/0x1b0 @ 1
                [    0.500500] %s
                [    0.501253] initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
                """.formatted("x".repeat(1_000_000)));

        assertThat(issues(log.issues())).containsExactly(
                issue("truncated-start", "dmesg:1:1: the log starts at 0.500000 s, not at 0: earlier lines were lost (ring"
                        + " buffer overrun); nothing before is imported"),
                issue("line-too-long", "dmesg:3:4097: line longer than 4096 characters; the rest of it is ignored"));
        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("serial8250_init", null, 1, 500_010L, 501_253L, 0, 1243L, "device", 2, 4));
        assertThat(log.lines()).isEqualTo(4);
    }

    private static final String LF_LOG = """
            [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
            [    0.500000] entering initcall level: device
            [    0.500010] calling  serial8250_init+0x0/0x1b0 @ 1
            [    0.500900] probe of serial8250 returned 0 after 8
            61 usecs
            [    0.501253] initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
            [    0.501300] initcall ghost_init+0x0/0x10 returned 0 after 3 usecs
            """;

    @Test
    void crlfLineEndsReadAsLf() {
        BootLog lf = parse(LF_LOG);
        BootLog crlf = parse(LF_LOG.replace("\n", "\r\n"));

        assertThat(crlf.initcalls()).isEqualTo(lf.initcalls()).containsExactly(
                new InitcallRun("serial8250_init", null, 1, 500_010L, 501_253L, 0, 1243L, "device", 3, 6));
        assertThat(crlf.probes()).isEqualTo(lf.probes()).containsExactly(
                new ProbeRun("serial8250", 0, ProbeResult.bound, 861, 500_900L, 4, 0, -1));
        assertThat(issues(crlf.issues())).isEqualTo(issues(lf.issues())).containsExactly(
                issue("wrapped-line", "dmesg:4:16: message continues on line 5; the two lines are read as one"),
                issue("unmatched-return", "dmesg:7:16: initcall ghost_init returned, but its \"calling\" line is not in"
                        + " the log; skipped"));
        assertThat(crlf.lines()).isEqualTo(7);
    }

    @Test
    void aCrlfLineOfExactlyTheLimitIsNotTooLong() {
        // Bug fixed: the CR counted against the limit, so a CRLF line of exactly maxLineChars was reported as cut.
        String forty = "[    0.600000] " + "x".repeat(25);
        BootLog log = parse("[    0.000000] Booting Linux\r\n" + forty + "\r\n" + forty + "y\r\n", maxLineChars(40));

        assertThat(issues(log.issues(), "line-too-long")).containsExactly(
                issue("line-too-long", "dmesg:3:41: line longer than 40 characters; the rest of it is ignored"));
    }

    @Test
    void anEmptyLogHasNoBootAndStillBuildsAnEmptyPlan() {
        BootLog log = parse("");

        assertThat(log.lines()).isZero();
        assertThat(log.firstStampUs()).isNull();
        assertThat(log.lastStampUs()).isNull();
        assertThat(log.kernelVersion()).isNull();
        assertThat(log.events()).isEmpty();
        assertThat(issues(log.issues())).containsExactly(issue("no-initcalls",
                "dmesg:0:0: no \"calling\"/\"initcall … returned\" line in 0 lines: boot with initcall_debug (and a log"
                        + " level that keeps KERN_DEBUG)"));

        PlanFromLog.Result plan = new PlanFromLog().build(log, "name");
        assertThat(plan.manifest().initcalls()).isEmpty();
        assertThat(plan.manifest().devices()).isEmpty();
        assertThat(plan.manifest().kernel().earlyBoot()).isEqualTo("0us");
        assertThat(issues(plan.issues(), "version-assumed")).containsExactly(issue("version-assumed",
                "dmesg:0:0: the log prints no kernel version (\"Linux version …\") and the request gave none; the plan says"
                        + " 6.12"));
        assertThat(parse("\n\r\n\n").lines()).isEqualTo(3);
    }

    @Test
    void blankLinesCountButSayNothing() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)

                [    0.500000] entering initcall level: device
                [    0.500010] calling  serial8250_init+0x0/0x1b0 @ 1

                [    0.501253] initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
                """);

        assertThat(log.issues()).isEmpty();
        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("serial8250_init", null, 1, 500_010L, 501_253L, 0, 1243L, "device", 4, 6));
        assertThat(log.lines()).isEqualTo(6);
    }
}
