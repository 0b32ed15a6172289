package dev.bootplan.service;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.Comparisons;
import dev.bootplan.engine.mode.ProbingModes;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ManifestNormalizer;
import dev.bootplan.report.Comparison;
import org.springframework.stereotype.Service;

/** Evaluates one manifest under all four modes. */
@Service
public class ComparisonService {

    private final ManifestNormalizer normalizer;
    private final BootSimulator simulator;
    private final Admission admission;

    ComparisonService(ManifestNormalizer normalizer, BootSimulator simulator, Admission admission) {
        this.normalizer = normalizer;
        this.simulator = simulator;
        this.admission = admission;
    }

    public Comparison compare(Manifest manifest, boolean overrideForceSync) {
        return admission.run(stop -> {
            var plan = normalizer.normalize(manifest);
            var reports = ProbingModes.all(overrideForceSync).stream().map(m -> simulator.simulate(plan, m, stop)).toList();
            return Comparisons.of(plan, reports);
        });
    }
}
