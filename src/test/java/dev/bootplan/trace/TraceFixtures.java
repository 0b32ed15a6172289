package dev.bootplan.trace;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.Comparisons;
import dev.bootplan.engine.EngineSettings;
import dev.bootplan.engine.mode.ProbingModes;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.ingest.dmesg.BootLog;
import dev.bootplan.ingest.dmesg.DmesgParser;
import dev.bootplan.ingest.dmesg.ObservedTimeline;
import dev.bootplan.ingest.dmesg.PlanFromLog;
import dev.bootplan.ingest.dmesg.PredictionVsLog;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ManifestLimits;
import dev.bootplan.manifest.ManifestNormalizer;
import dev.bootplan.report.Comparison;
import dev.bootplan.report.ObservedBoot;
import dev.bootplan.report.Report;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/** Reports, observed boots and checks for trace tests, built with the plain engine and parser (no Spring). */
final class TraceFixtures {

    static final List<String> MODES = List.of("sync", "async", "forced-sync", "debug-force-all");
    static final Path RPI4_LOG = Path.of("src/test/resources/dmesg/rpi4-k6.18-baseline-run1.dmesg");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BootSimulator ENGINE = new BootSimulator(EngineSettings.defaults());

    /** An export call, for tests that run every kind the same way. */
    @FunctionalInterface
    interface Export {
        void to(StringWriter out) throws IOException;
    }

    private TraceFixtures() {}

    static String text(Export export) {
        StringWriter out = new StringWriter();
        try {
            export.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Stream<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
        }
    }

    static Manifest manifest(Path file) {
        try {
            return JSON.readValue(Files.readString(file), Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifest example(String name) {
        return manifest(Path.of("examples", name + ".json"));
    }

    static Manifest smallPlan() {
        return manifest(Path.of("src/test/resources/golden/small-plan.json"));
    }

    static Plan plan(Manifest manifest) {
        return new ManifestNormalizer(ManifestLimits.defaults()).normalize(manifest);
    }

    static Report report(Manifest manifest, String mode) {
        return ENGINE.simulate(plan(manifest), ProbingModes.byName(mode, false).orElseThrow());
    }

    static Comparison comparison(Manifest manifest) {
        Plan plan = plan(manifest);
        return Comparisons.of(plan, ProbingModes.all(false).stream().map(m -> ENGINE.simulate(plan, m)).toList());
    }

    static BootLog rpi4Log() {
        try {
            return new DmesgParser(DmesgParser.Options.defaults()).parse("rpi4.dmesg", new StringReader(Files.readString(RPI4_LOG)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObservedBoot rpi4Observed() {
        return ObservedTimeline.of(rpi4Log());
    }

    /** The plan the import builds from the RPi4 log. */
    static Manifest rpi4Plan() {
        return new PlanFromLog().build(rpi4Log(), "rpi4").manifest();
    }

    /** The RPi4 plan's async prediction held against its own log, as a check trace. */
    static String rpi4CheckTrace() {
        BootLog log = rpi4Log();
        Manifest plan = rpi4Plan();
        Report predicted = report(plan, "async");
        return text(out -> TraceExport.check(predicted, ObservedTimeline.of(log), PredictionVsLog.check(predicted, log),
                DriverModules.of(plan), out));
    }
}
