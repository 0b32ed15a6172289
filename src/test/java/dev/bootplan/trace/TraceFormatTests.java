package dev.bootplan.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.manifest.Manifest;
import dev.bootplan.report.ObservedBoot;
import dev.bootplan.report.Report;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of report exports as a trace that keeps the Trace Event Format's rules ({@link TraceRules}), the same
 * bytes every time: every example in every mode, every example's comparison, the Raspberry Pi 4's observed boot and
 * its plan's prediction held against it.
 */
class TraceFormatTests {

    static Stream<String> examples() throws Exception {
        return TraceFixtures.examples();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyModeOfEveryExampleKeepsTheRules(String example) {
        Manifest manifest = TraceFixtures.example(example);
        for (String mode : TraceFixtures.MODES) {
            Report report = TraceFixtures.report(manifest, mode);
            String trace = TraceFixtures.text(out -> TraceExport.evaluation(report, DriverModules.of(manifest), out));
            TraceRules.Summary summary = TraceRules.check(trace);
            assertThat(summary.complete()).as("one complete event per span").isEqualTo(report.timeline().size());
            assertThat(summary.processes()).isEqualTo(1);
            assertThat(trace).isEqualTo(TraceFixtures.text(out -> TraceExport.evaluation(report, DriverModules.of(manifest), out)));
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExamplesComparisonHasOneProcessPerMode(String example) {
        Manifest manifest = TraceFixtures.example(example);
        var comparison = TraceFixtures.comparison(manifest);
        String trace = TraceFixtures.text(out -> TraceExport.comparison(comparison, DriverModules.of(manifest), out));
        TraceRules.Summary summary = TraceRules.check(trace);
        assertThat(summary.processes()).isEqualTo(4);
        assertThat(summary.complete()).isEqualTo(comparison.reports().stream().mapToInt(r -> r.timeline().size()).sum());
        for (String mode : TraceFixtures.MODES) {
            assertThat(trace).contains("\"args\":{\"name\":\"" + manifest.name() + " (" + mode + ")\"}");
        }
        assertThat(trace).isEqualTo(TraceFixtures.text(out -> TraceExport.comparison(comparison, DriverModules.of(manifest), out)));
    }

    @Test
    void theRaspberryPiObservedBootKeepsTheRulesBySplittingOverlappingProbes() {
        ObservedBoot boot = TraceFixtures.rpi4Observed();
        String trace = TraceFixtures.text(out -> TraceExport.observed(boot, out));
        TraceRules.Summary summary = TraceRules.check(trace);
        assertThat(summary.complete()).isEqualTo(boot.timeline().size());
        // The log attributes to pid1 probes that async workers ran while an initcall of pid1's ran; three of them
        // overlap a sibling without nesting, so pid1 gets an extra track (measured: 843 spans, 32 lanes).
        assertThat(trace).contains("\"name\":\"pid1 #2\"");
        assertThat(summary.tracks()).isGreaterThan(32);
        assertThat(trace).isEqualTo(TraceFixtures.text(out -> TraceExport.observed(boot, out)));
    }

    @Test
    void aPredictionHeldAgainstTheLogShowsBothBootsAndTheMilestoneDifferences() {
        String trace = TraceFixtures.rpi4CheckTrace();
        TraceRules.Summary summary = TraceRules.check(trace);
        assertThat(summary.processes()).isEqualTo(2);
        assertThat(trace).contains("\"args\":{\"name\":\"predicted: rpi4 (async)\"}")
                .contains("\"args\":{\"name\":\"observed: rpi4.dmesg\"}")
                .contains("\"differenceUs\":")
                .contains("\"initcalls\":{\"compared\":656,");
        assertThat(trace).isEqualTo(TraceFixtures.rpi4CheckTrace());
    }
}
