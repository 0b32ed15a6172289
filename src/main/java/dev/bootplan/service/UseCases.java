package dev.bootplan.service;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.EngineSettings;
import dev.bootplan.json.BootPlanJson;
import dev.bootplan.manifest.ManifestLimits;
import dev.bootplan.manifest.ManifestNormalizer;

/**
 * The use cases wired by hand, for a caller without Spring (the command line): the same classes, built the same way
 * as the service's beans (config/CoreConfiguration), so both give the same answers to the same input.
 */
public record UseCases(EvaluationService evaluations, ComparisonService comparisons, DmesgImportService dmesg,
        ModulesImportService modules, PictureService pictures, GateService gates,
        AdviceService advice) {

    public static UseCases of(ManifestLimits limits, EngineSettings engine, Admission admission) {
        var normalizer = new ManifestNormalizer(limits);
        var simulator = new BootSimulator(engine);
        var evaluations = new EvaluationService(normalizer, simulator, admission);
        var dmesg = new DmesgImportService(evaluations, admission);
        return new UseCases(evaluations, new ComparisonService(normalizer, simulator, admission), dmesg,
                new ModulesImportService(dmesg, limits, admission), new PictureService(),
                new GateService(BootPlanJson.mapper(), normalizer, simulator, admission),
                new AdviceService(normalizer, simulator, admission, engine.maxEvents()));
    }
}
