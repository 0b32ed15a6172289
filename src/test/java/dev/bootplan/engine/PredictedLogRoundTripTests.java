package dev.bootplan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.engine.mode.AsyncMode;
import dev.bootplan.engine.plan.DevicePlan;
import dev.bootplan.engine.plan.DriverPlan;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.ingest.ImportIssue;
import dev.bootplan.ingest.IssueSeverity;
import dev.bootplan.ingest.dmesg.BootLog;
import dev.bootplan.ingest.dmesg.DmesgParser;
import dev.bootplan.ingest.dmesg.InitcallRun;
import dev.bootplan.ingest.dmesg.PlanFromLog;
import dev.bootplan.manifest.ManifestLimits;
import dev.bootplan.manifest.ManifestNormalizer;
import dev.bootplan.report.Report;
import dev.bootplan.report.SpanKind;
import java.io.StringReader;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine prints the §12 formats (KernelLog) and the importer reads them: for seeded random plans, the log a
 * simulation predicts imports without a warning, pairs every initcall and keeps every probe line; and the plan
 * built from it replays the built-in initcalls' end times exactly, once the plan holds nothing an initcall_debug log
 * cannot show. A log prints no CPU share (two probes competing for a CPU look like two slow probes), no supplier, no
 * firmware file that was found, and no async work a probe left behind; plans with them replay approximately, and the
 * real Raspberry Pi 4 log measures how closely (RaspberryPi4ImportTests).
 */
class PredictedLogRoundTripTests {

    private static final BootSimulator ENGINE = new BootSimulator(EngineSettings.defaults());
    private static final ManifestNormalizer NORMALIZER = new ManifestNormalizer(new ManifestLimits(100_000, 10_000, 20_000, 20_000));

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void thePredictedLogImportsCleanlyAndReplaysItsBuiltinInitcallsOrSaysWhyNot(long seed) {
        RoundTrip trip = roundTrip(seed);
        assertThat(trip.log.issues()).filteredOn(i -> i.severity() != IssueSeverity.info)
                .allMatch(i -> i.code().equals("ambiguous-probe") || i.code().equals("unfinished-initcall"));
        assertThat(trip.log.initcalls()).hasSize(count(trip.text, "] calling  "));
        assertThat(trip.log.probes()).hasSize(count(trip.text, "] probe of "));
        if (!trip.exact()) {
            // Probes of one initcall that overlap (a log cannot say which ran inside which) leave no own time to give
            // back; the import must say so rather than replay something else in silence.
            assertThat(trip.replay.issues()).as(trip::explain).extracting(ImportIssue::code).contains("own-time-negative");
        }
    }

    @Test
    void mostPlansReplayExactly() {
        long exact = seeds().filter(seed -> roundTrip(seed).exact()).count();
        assertThat(exact).as("plans of 300 whose built-in initcalls replay to the microsecond").isGreaterThanOrEqualTo(250);
    }

    private record RoundTrip(String text, BootLog log, PlanFromLog.Result replay, List<String> original, List<String> replayed) {
        boolean exact() {
            return original.equals(replayed);
        }

        String explain() {
            return text + "\n" + replay.issues() + "\n" + replay.manifest() + "\noriginal " + original + "\nreplayed " + replayed;
        }
    }

    private static RoundTrip roundTrip(long seed) {
        Plan plan = withOnlyWhatALogShows(RandomPlans.generate(seed));
        String text = ENGINE.predictLog(plan, new AsyncMode());
        BootLog log = new DmesgParser(new DmesgParser.Options(plan.kernel().toString(), 4096, 1000))
                .parse("predicted", new StringReader(text));
        PlanFromLog.Result replay = new PlanFromLog().build(log, "replay");
        Report original = ENGINE.simulate(plan, new AsyncMode());
        Report replayed = ENGINE.simulate(NORMALIZER.normalize(replay.manifest()), new AsyncMode());
        return new RoundTrip(text, log, replay, ends(original), ends(replayed));
    }

    private static Plan withOnlyWhatALogShows(Plan p) {
        List<DevicePlan> devices = p.devices().stream().map(d -> new DevicePlan(d.name(), d.driver(), d.probeUs(), d.parent(),
                List.of(), d.killable(), 0, 0, 0)).toList();
        List<DriverPlan> drivers = p.drivers().stream().map(d -> new DriverPlan(d.name(), d.probeType(), d.asyncUnsafe(),
                List.of(), d.giveUpOnDeferTimeout())).toList();
        return new Plan(p.name(), p.kernel(), p.cmdline(), p.modulesEnabled(), p.initramfsPresent(), p.initramfsUnpackUs(),
                p.earlyBootUs(), p.initHandoverUs(), p.systemdVersion(), p.eventTimeoutUs(), p.childrenMax(), p.cpus(), p.memoryBytes(), p.firmware(),
                p.initcalls(), p.modules(), drivers, devices, p.expectsSyncProbe(), p.rootDevice(), p.userspace());
    }

    private static List<String> ends(Report r) {
        return r.timeline().stream().filter(s -> s.kind() == SpanKind.initcall && s.lane().equals("pid1"))
                .map(s -> s.subject() + "@" + s.endUs()).toList();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
