package dev.bootplan.render;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.Comparisons;
import dev.bootplan.engine.EngineSettings;
import dev.bootplan.engine.mode.ProbingModes;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ManifestLimits;
import dev.bootplan.manifest.ManifestNormalizer;
import dev.bootplan.report.Comparison;
import dev.bootplan.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/** Reports for renderer tests, built with the plain engine (no Spring). */
final class RenderFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BootSimulator ENGINE = new BootSimulator(EngineSettings.defaults());

    private RenderFixtures() {}

    static Plan plan(String json) {
        return new ManifestNormalizer(ManifestLimits.defaults()).normalize(JSON.readValue(json, Manifest.class));
    }

    static Report report(String json, String mode) {
        return ENGINE.simulate(plan(json), ProbingModes.byName(mode, false).orElseThrow());
    }

    static Comparison comparison(String json) {
        Plan plan = plan(json);
        return Comparisons.of(plan, ProbingModes.all(false).stream().map(m -> ENGINE.simulate(plan, m)).toList());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String smallPlan() {
        return read(Path.of("src/test/resources/golden/small-plan.json"));
    }

    static String example(String name) {
        return read(Path.of("examples", name + ".json"));
    }
}
