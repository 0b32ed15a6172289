package dev.bootplan.service;

import dev.bootplan.advice.Advice;
import dev.bootplan.advice.AdviceOptions;
import dev.bootplan.advice.Advisor;
import dev.bootplan.advice.Goal;
import dev.bootplan.config.BootPlanProperties;
import dev.bootplan.engine.BootSimulator;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ManifestNormalizer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** Searches the settings to ship for one manifest, on a simulation thread, under the request deadline. */
@Service
public class AdviceService {

    private final ManifestNormalizer normalizer;
    private final Advisor advisor;
    private final Admission admission;
    private final long maxEvents;

    @Autowired
    AdviceService(ManifestNormalizer normalizer, BootSimulator simulator, Admission admission, BootPlanProperties properties) {
        this(normalizer, simulator, admission, properties.limits().maxEvents());
    }

    /** For the command line, which has no Spring properties. */
    AdviceService(ManifestNormalizer normalizer, BootSimulator simulator, Admission admission, long maxEvents) {
        this.normalizer = normalizer;
        this.advisor = new Advisor(simulator);
        this.admission = admission;
        this.maxEvents = maxEvents;
    }

    public Advice advise(Manifest manifest, Goal goal, int headroomPercent, int maxEvaluations) {
        var options = new AdviceOptions(goal, headroomPercent, AdviceOptions.DEFAULT_MIN_GAIN_US, maxEvaluations, maxEvents);
        return admission.run(stop -> advisor.advise(normalizer.normalize(manifest), options, stop));
    }
}
