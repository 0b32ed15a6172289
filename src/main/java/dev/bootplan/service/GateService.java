package dev.bootplan.service;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.gate.Gate;
import dev.bootplan.gate.GateOutcome;
import dev.bootplan.gate.GateRequest;
import dev.bootplan.manifest.ManifestNormalizer;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Holds a boot against a rules file; the evaluations it needs (the input, baseline plans) take one simulation turn. */
@Service
public class GateService {

    private final Gate gate;
    private final Admission admission;

    GateService(JsonMapper json, ManifestNormalizer normalizer, BootSimulator simulator, Admission admission) {
        this.gate = new Gate(json, normalizer, simulator);
        this.admission = admission;
    }

    public GateOutcome judge(GateRequest request) {
        return admission.run(stop -> gate.judge(request, stop));
    }
}
