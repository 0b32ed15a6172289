package dev.bootplan.realboots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.bootplan.ingest.dmesg.BootLog;
import dev.bootplan.ingest.dmesg.DmesgParser;
import dev.bootplan.ingest.dmesg.PlanFromLog;
import dev.bootplan.ingest.dmesg.ShareFit;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.report.Report;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same three QEMU boots as {@link QemuDebian61Tests}, but with no hand-written plan: the dmesg import of
 * mixed-sync.dmesg alone, then calibrated with mixed-drvasync.dmesg. Same figure (the replay's first module load to its
 * last device bound) against the same measured values (shared/data/qemu-debian61/README.md).
 */
class QemuDebian61ImportTests {

    private static final Path DIR = Path.of("src/test/resources/dmesg/qemu-debian61");
    /** This folder's boots' own figures, "GT: modules begin" → "GT: devices present" (µs). */
    static final long SYNC_THIS_BOOT = 2_371_343;
    static final long MODASYNC_THIS_BOOT = 1_821_587;
    static final long DRVASYNC_THIS_BOOT = 2_296_673;

    private static Manifest imported;
    private static ShareFit.Result calibrated;

    static BootLog read(String file) throws IOException {
        return new DmesgParser(DmesgParser.Options.defaults()).parse(file, new StringReader(Files.readString(DIR.resolve(file))));
    }

    @BeforeAll
    static void importAndCalibrate() throws IOException {
        BootLog sync = read("mixed-sync.dmesg");
        imported = new PlanFromLog().build(sync, "qemu").manifest();
        calibrated = new ShareFit(QemuDebian61Tests::evaluate).fit(imported, List.of(sync, read("mixed-drvasync.dmesg")));
    }

    @Test
    void theImportedSyncBootReplaysWithinOnePercent() {
        Report r = QemuDebian61Tests.evaluate(imported);
        assertThat(QemuDebian61Tests.figure(r)).isEqualTo(2_372_587L); // +0.05 % of this boot, +0.11 % of the mean
        assertThat(QemuDebian61Tests.figure(r)).isCloseTo(SYNC_THIS_BOOT, withinPercentage(1));
        assertThat(QemuDebian61Tests.figure(r)).isCloseTo(QemuDebian61Tests.SYNC_MEASURED, withinPercentage(1));
    }

    /**
     * From one log every CPU share is unknown: the prediction takes them as waiting, the bounds hold the measured figures,
     * and the point estimates miss the 5 % (−10.1 % and −21.6 %): e1000's two 295 ms probes bit-bang an EEPROM
     * with udelay(), which a log cannot tell from sleeping. The calibration below is what closes that gap.
     */
    @Test
    void theWhatIfsFromOneLogAreBoundedButTheirPointEstimatesTakeEveryShareAsWaiting() {
        Report drv = QemuDebian61Tests.evaluate(QemuDebian61Tests.withCmdline(imported, "driver_async_probe=*"));
        assertThat(QemuDebian61Tests.figure(drv)).isEqualTo(2_065_015L);
        assertThat(QemuDebian61Tests.bounds(drv)[0]).isLessThanOrEqualTo(DRVASYNC_THIS_BOOT);
        assertThat(QemuDebian61Tests.bounds(drv)[1]).isGreaterThanOrEqualTo(DRVASYNC_THIS_BOOT);
        assertThat(QemuDebian61Tests.bounds(drv)[1]).isGreaterThanOrEqualTo(QemuDebian61Tests.DRVASYNC_MEASURED);

        Report mod = QemuDebian61Tests.evaluate(everyModuleAsync(imported));
        assertThat(QemuDebian61Tests.figure(mod)).isEqualTo(1_411_786L);
        assertThat(QemuDebian61Tests.bounds(mod)[0]).isLessThanOrEqualTo(QemuDebian61Tests.MODASYNC_MEASURED);
        assertThat(QemuDebian61Tests.bounds(mod)[1]).isGreaterThanOrEqualTo(MODASYNC_THIS_BOOT);
    }

    @Test
    void calibrationWithTheDrvasyncBootFitsE1000AndReplaysBothBoots() {
        assertThat(calibrated.shares()).containsEntry("e1000", 88);
        for (ShareFit.Boot b : calibrated.boots()) {
            assertThat(b.after()).as(b.source()).isCloseTo(b.observedUs(), withinPercentage(0.1));
        }
        assertThat(calibrated.boots()).extracting(ShareFit.Boot::before, ShareFit.Boot::after).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4_201_815L, 4_201_815L), org.assertj.core.groups.Tuple.tuple(3_891_836L, 4_120_828L));
    }

    /**
     * The target is 3 % of mixed-modasync's 1,821.6 ms; the calibrated plan predicts +5.8 % (missed). The drvasync
     * boot fixes e1000's share (88 %), but in it no module load overlaps an e1000 probe, so it says nothing of how much
     * of a load is CPU: the loads stay at 100 %, and usbcore's load, which in the measured boot stretched 2.3× against
     * the two busy e1000 probes, stretches 3× in the replay (docs/qemu-debian61-plan.md, "Why the third misses").
     */
    @Test
    void theCalibratedAsyncProbeWhatIf() {
        Report mod = QemuDebian61Tests.evaluate(everyModuleAsync(calibrated.plan()));
        assertThat(QemuDebian61Tests.figure(mod)).isEqualTo(1_927_953L);
        assertThat(QemuDebian61Tests.figure(mod)).isCloseTo(MODASYNC_THIS_BOOT, withinPercentage(7));
        Report drv = QemuDebian61Tests.evaluate(QemuDebian61Tests.withCmdline(calibrated.plan(), "driver_async_probe=*"));
        assertThat(QemuDebian61Tests.figure(drv)).isCloseTo(DRVASYNC_THIS_BOOT, withinPercentage(0.2));
    }

    /** Every module with async_probe, as the modasync boot's /init passed it to each insmod. */
    static Manifest everyModuleAsync(Manifest m) {
        return QemuDebian61Tests.everyModuleAsync(m);
    }
}
