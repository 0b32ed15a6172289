package dev.bootplan.service;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.mode.ProbingMode;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ManifestNormalizer;
import dev.bootplan.report.Report;
import org.springframework.stereotype.Service;

/** Evaluates one manifest under one mode. */
@Service
public class EvaluationService {

    private final ManifestNormalizer normalizer;
    private final BootSimulator simulator;
    private final Admission admission;

    EvaluationService(ManifestNormalizer normalizer, BootSimulator simulator, Admission admission) {
        this.normalizer = normalizer;
        this.simulator = simulator;
        this.admission = admission;
    }

    public Report evaluate(Manifest manifest, ProbingMode mode) {
        return admission.run(stop -> simulator.simulate(normalizer.normalize(manifest), mode, stop));
    }

    /** The initcall_debug log the kernel would print for this boot, to diff against a real dmesg. */
    public String predictKernelLog(Manifest manifest, ProbingMode mode) {
        return admission.run(stop -> simulator.predictLog(normalizer.normalize(manifest), mode, stop));
    }
}
