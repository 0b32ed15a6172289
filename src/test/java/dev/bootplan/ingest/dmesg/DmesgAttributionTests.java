package dev.bootplan.ingest.dmesg;

import static dev.bootplan.ingest.dmesg.DmesgLogs.issue;
import static dev.bootplan.ingest.dmesg.DmesgLogs.issues;
import static dev.bootplan.ingest.dmesg.DmesgLogs.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Which "calling" a return closes, which call a probe ran in, and which probe a child probe ran in. */
class DmesgAttributionTests {

    @Test
    void interleavedModuleInitsOfTwoPidsWithTheSameFunctionArePairedByModule() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.18.34+rpt-rpi-v8 (root@build) (aarch64-linux-gnu-gcc-14)
                [    4.210000] calling  phy_module_init+0x0/0x1000 [broadcom] @ 230
                [    4.210050] calling  phy_module_init+0x0/0x1000 [bcm_phy_lib] @ 231
                [    4.210400] initcall phy_module_init+0x0/0x1000 [bcm_phy_lib] returned 0 after 340 usecs
                [    4.210900] initcall phy_module_init+0x0/0x1000 [broadcom] returned 0 after 890 usecs
                """);

        assertThat(log.issues()).isEmpty();
        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("phy_module_init", "broadcom", 230, 4_210_000L, 4_210_900L, 0, 890L, null, 2, 5),
                new InitcallRun("phy_module_init", "bcm_phy_lib", 231, 4_210_050L, 4_210_400L, 0, 340L, null, 3, 4));
    }

    @Test
    void twoOpenInitsOfTheSameFunctionAndModuleArePairedByTheReportedDuration() {
        // A return line has no PID: the later-started call fits 48 usecs (50 µs of stamps), the earlier one 299.
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    5.000000] calling  crc_init+0x0/0x1000 [crc_mod] @ 400
                [    5.000100] calling  crc_init+0x0/0x1000 [crc_mod] @ 401
                [    5.000150] initcall crc_init+0x0/0x1000 [crc_mod] returned 0 after 48 usecs
                [    5.000300] initcall crc_init+0x0/0x1000 [crc_mod] returned 0 after 299 usecs
                """);

        assertThat(log.issues()).isEmpty();
        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("crc_init", "crc_mod", 400, 5_000_000L, 5_000_300L, 0, 299L, null, 2, 5),
                new InitcallRun("crc_init", "crc_mod", 401, 5_000_100L, 5_000_150L, 0, 48L, null, 3, 4));
    }

    @Test
    void aBuiltInAndAModuleInitOfTheSameNameAreDifferentCalls() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.500000] entering initcall level: device
                [    0.500010] calling  aes_init+0x0/0x40 @ 1
                [    0.500020] initcall aes_init+0x0/0x40 returned 0 after 7 usecs
                [    6.000000] calling  aes_init+0x0/0x1000 [aes_neon_blk] @ 520
                [    6.000040] initcall aes_init+0x0/0x40 returned 0 after 7 usecs
                [    6.000090] initcall aes_init+0x0/0x1000 [aes_neon_blk] returned 0 after 88 usecs
                """);

        assertThat(issues(log.issues())).containsExactly(issue("unmatched-return",
                "dmesg:6:16: initcall aes_init returned, but its \"calling\" line is not in the log; skipped"));
        assertThat(log.initcalls()).extracting(InitcallRun::label, InitcallRun::startUs, InitcallRun::endUs).containsExactly(
                tuple("aes_init", 500_010L, 500_020L), tuple("aes_init [aes_neon_blk]", 6_000_000L, 6_000_090L));
    }

    @Test
    void aReturnStampedBeforeItsCallingLineEndsTheCallAtItsStart() {
        // Bug fixed: the two lines were printed from two CPUs whose clocks differ by a few µs, and the call ended 7 µs
        // before it started (end < start: a negative span in the plan and the timeline).
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    8.035520] calling  brcmf_core_init+0x0/0x1000 [brcmfmac] @ 305
                [    8.035547] usb 1-1.4: new full-speed USB device number 3 using xhci_hcd
                [    8.035513] initcall brcmf_core_init+0x0/0x1000 [brcmfmac] returned 0 after 3 usecs
                """);

        assertThat(log.initcalls()).containsExactly(
                new InitcallRun("brcmf_core_init", "brcmfmac", 305, 8_035_520L, 8_035_520L, 0, 3L, null, 2, 4));
        assertThat(issues(log.issues())).containsExactly(
                issue("time-went-backwards", "dmesg:4:1: 8.035513 s follows 8.035547 s (printk from another CPU); kept as"
                        + " printed"),
                issue("duration-mismatch", "dmesg:4:16: brcmf_core_init [brcmfmac] reports 3 usecs but its \"returned\" line"
                        + " is stamped 7 µs before its \"calling\" line (printk from another CPU); it is taken to end where it"
                        + " starts"));
    }

    @Test
    void aProbeBelongsToTheCallOpenAroundIt() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.050000] clocksource: Switched to clocksource arch_sys_counter
                [    0.500000] entering initcall level: device
                [    0.500010] calling  serial8250_init+0x0/0x1b0 @ 1
                [    0.500900] probe of serial8250 returned 0 after 861 usecs
                [    0.501253] initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
                [    0.501300] calling  mmc_blk_init+0x0/0xe0 @ 1
                [    0.501800] probe of mmc0:0001 returned 0 after 480 usecs
                [    0.502000] probe of mmc1:0001 returned 0 after 180 usecs
                [    0.502100] initcall mmc_blk_init+0x0/0xe0 returned 0 after 798 usecs
                [    0.503000] probe of 1-1 returned 0 after 100 usecs
                """);

        assertThat(log.probes()).containsExactly(
                new ProbeRun("serial8250", 0, ProbeResult.bound, 861, 500_900L, 5, 0, -1),
                new ProbeRun("mmc0:0001", 0, ProbeResult.bound, 480, 501_800L, 8, 1, -1),
                new ProbeRun("mmc1:0001", 0, ProbeResult.bound, 180, 502_000L, 9, 1, -1),
                new ProbeRun("1-1", 0, ProbeResult.bound, 100, 503_000L, 11, -1, -1));
        assertThat(issues(log.issues())).containsExactly(issue("unattributed-probe",
                "dmesg:11:16: probe of 1-1 ran 0.502900–0.503000 s outside every initcall and module load in the log (an"
                        + " async probe, a deferred retry, or its load's lines were lost); kept as an unattributed device"));
    }

    @Test
    void aProbeThatStartedBeforeTheOnlyOpenCallIsNotInIt() {
        BootLog log = parse("""
                [    0.000000] Linux version 6.12.48-amd64 (debian-kernel@lists.debian.org)
                [    0.050000] clocksource: Switched to clocksource arch_sys_counter
                [    0.500000] entering initcall level: device
                [    1.000000] calling  mmc_blk_init+0x0/0xe0 @ 1
                [    1.000500] probe of mmc2 returned 0 after 521 usecs
                [    1.000600] initcall mmc_blk_init+0x0/0xe0 returned 0 after 598 usecs
                """);

        assertThat(log.probes()).containsExactly(new ProbeRun("mmc2", 0, ProbeResult.bound, 521, 1_000_500L, 5, -1, -1));
        assertThat(issues(log.issues())).containsExactly(issue("unattributed-probe",
                "dmesg:5:16: probe of mmc2 ran 0.999979–1.000500 s outside every initcall and module load in the log (an"
                        + " async probe, a deferred retry, or its load's lines were lost); kept as an unattributed device"));
    }

    private static final String PCIE = """
            [    0.000000] Linux version 6.18.34+rpt-rpi-v8 (root@build) (aarch64-linux-gnu-gcc-14)
            [    0.057047] clocksource: Switched to clocksource arch_sys_counter
            [    0.790000] entering initcall level: device
            [    0.797200] calling  brcm_pcie_driver_init+0x0/0x38 @ 1
            [    0.797492] probe of 0000:00:00.0:pcie001 returned 0 after 49 usecs
            [    0.797658] probe of 0000:00:00.0:pcie002 returned 0 after 131 usecs
            [    0.797737] probe of 0000:00:00.0:pcie010 returned 0 after 15 usecs
            [    0.797855] probe of 0000:00:00.0 returned 0 after 557 usecs
            [    0.798100] probe of fd500000.pcie returned 0 after 860 usecs
            [    0.798180] probe of fd580000.ethernet returned 0 after 30 usecs
            [    0.798200] initcall brcm_pcie_driver_init+0x0/0x38 returned 0 after 998 usecs
            """;

    @Test
    void childProbesBelongToTheProbeTheyRanInside() {
        BootLog log = parse(PCIE);

        assertThat(log.issues()).isEmpty();
        assertThat(log.probes()).containsExactly(
                new ProbeRun("0000:00:00.0:pcie001", 0, ProbeResult.bound, 49, 797_492L, 5, 0, 3),
                new ProbeRun("0000:00:00.0:pcie002", 0, ProbeResult.bound, 131, 797_658L, 6, 0, 3),
                new ProbeRun("0000:00:00.0:pcie010", 0, ProbeResult.bound, 15, 797_737L, 7, 0, 3),
                new ProbeRun("0000:00:00.0", 0, ProbeResult.bound, 557, 797_855L, 8, 0, 4),
                new ProbeRun("fd500000.pcie", 0, ProbeResult.bound, 860, 798_100L, 9, 0, -1),
                new ProbeRun("fd580000.ethernet", 0, ProbeResult.bound, 30, 798_180L, 10, 0, -1));
    }

    @Test
    void aPlanFoldsChildProbesIntoTheirParentsTime() {
        PlanFromLog.Result plan = new PlanFromLog().build(parse(PCIE), "name");

        assertThat(plan.counts().childProbesFolded()).isEqualTo(4);
        assertThat(plan.manifest().devices()).extracting(d -> d.name(), d -> d.driver(), d -> d.probeTime()).containsExactly(
                tuple("fd500000.pcie", "brcm_pcie_driver_init", "860us"),
                tuple("fd580000.ethernet", "brcm_pcie_driver_init", "30us"));
        // 1000 µs of span less the two devices' 890 µs
        assertThat(plan.manifest().initcalls()).extracting(c -> c.name(), c -> c.duration())
                .containsExactly(tuple("brcm_pcie_driver_init", "110us"));
    }

    @Test
    void aLogThatStartsAfterTheClocksourceSwitchDoesNotNestSiblingProbes() {
        // Bug fixed: without its "clocksource: Switched" line (lost with the start of the log) the whole log was read
        // with the 10 ms slack of jiffies-counted durations, so each of three back-to-back probes became the child of
        // the next and the plan kept one device of three. A duration under 1 ms is proof of a fine clock.
        String text = """
                [    2.000000] calling  mmc_blk_init+0x0/0xe0 @ 1
                [    2.000050] initcall mmc_blk_init+0x0/0xe0 returned 0 after 41 usecs
                [    2.000060] calling  sdhci_driver_init+0x0/0x30 @ 1
                [    2.002000] probe of mmc0 returned 0 after 1900 usecs
                [    2.004000] probe of mmc1 returned 0 after 1900 usecs
                [    2.006000] probe of mmc2 returned 0 after 1900 usecs
                [    2.006050] initcall sdhci_driver_init+0x0/0x30 returned 0 after 5987 usecs
                """;
        BootLog log = parse(text);

        assertThat(log.probes()).containsExactly(
                new ProbeRun("mmc0", 0, ProbeResult.bound, 1900, 2_002_000L, 4, 1, -1),
                new ProbeRun("mmc1", 0, ProbeResult.bound, 1900, 2_004_000L, 5, 1, -1),
                new ProbeRun("mmc2", 0, ProbeResult.bound, 1900, 2_006_000L, 6, 1, -1));
        assertThat(new PlanFromLog().build(log, "name").manifest().devices()).extracting(d -> d.name())
                .containsExactly("mmc0", "mmc1", "mmc2");
    }

    @Test
    void beforeTheClocksourceSwitchAProbeJiffiesLongMayHaveStartedBeforeItsCall() {
        // ethnl_init's 4000 usecs is one tick at HZ=250: with coarse durations a probe's start is only known to 10 ms.
        BootLog log = parse("""
                [    0.000000] Linux version 6.18.34+rpt-rpi-v8 (root@build) (aarch64-linux-gnu-gcc-14)
                [    0.052405] calling  bcm2835_dma_driver_init+0x0/0x38 @ 1
                [    0.053854] probe of fe007000.dma-controller returned 0 after 4000 usecs
                [    0.053900] initcall bcm2835_dma_driver_init+0x0/0x38 returned 0 after 4000 usecs
                """);

        assertThat(log.probes()).containsExactly(
                new ProbeRun("fe007000.dma-controller", 0, ProbeResult.bound, 4000, 53_854L, 3, 0, -1));
        assertThat(issues(log.issues())).containsExactly(
                issue("level-unknown", "dmesg:2:16: 1 built-in initcalls from here on come before the first \"entering"
                        + " initcall level:\" line; the log does not say their level"),
                issue("duration-mismatch", "dmesg:4:16: bcm2835_dma_driver_init reports 4000 usecs but its lines are 1495 µs"
                        + " apart (a coarse clock before the clocksource switch?); the stamps are used"));
    }
}
