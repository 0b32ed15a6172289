package dev.bootplan.advice;

import dev.bootplan.engine.KnobReading;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.report.Finding;
import dev.bootplan.report.FindingCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The two broad knobs weighed (docs/advice.md): {@code module.async_probe=1} (every module, v6.0+) and
 * {@code driver_async_probe=*} (every default-strategy driver, v6.0+). Each is simulated on the plan as written and
 * called safe only when it makes no hazardous driver asynchronous. Neither is searched: each also reaches modules and
 * drivers the plan does not list, which the targeted lines do not.
 */
final class Assessments {

    private final Plan plan;
    private final KnobReading reading;
    private final Edits edits;
    private final Evaluator evaluator;
    private final AsyncHazards hazards;

    Assessments(Plan plan, KnobReading reading, Edits edits, Evaluator evaluator, AsyncHazards hazards) {
        this.plan = plan;
        this.reading = reading;
        this.edits = edits;
        this.evaluator = evaluator;
        this.hazards = hazards;
    }

    List<Assessment> all() {
        int[] module = KnobReading.ownerModules(plan);
        List<String> moduleRisks = new ArrayList<>();
        List<String> driverRisks = new ArrayList<>();
        for (int d = 0; d < plan.drivers().size(); d++) {
            var driver = plan.drivers().get(d);
            if (driver.probeType() == ProbeType.DEFAULT && hazards.has(driver.name())) {
                driverRisks.add(hazards.why(driver.name()));
                if (module[d] >= 0) {
                    moduleRisks.add(hazards.why(driver.name()));
                }
            }
        }
        return List.of(
                assess(new Edit.Param("module.async_probe", "1", List.of()), moduleRisks,
                        "It reaches every module loaded after it is set, modules this plan does not list included; a module "
                                + "opts out with options <module> async_probe=0."),
                assess(new Edit.Param(Edits.DRIVER_LIST, "*", List.of()), driverRisks,
                        "It makes every default-strategy driver asynchronous, built-ins included, drivers this plan does "
                                + "not list included; the names after '*' are the exceptions."));
    }

    private Assessment assess(Edit.Param knob, List<String> risky, String reach) {
        String text = knob.text();
        KnobReading after = KnobReading.of(edits.apply(List.of(knob)));
        Set<String> before = new HashSet<>();
        reading.findings().forEach(f -> before.add(f.message()));
        List<String> reasons = new ArrayList<>();
        for (Finding f : after.findings()) {
            if (f.code() == FindingCode.KNOB_INEFFECTIVE && !before.contains(f.message())) {
                reasons.add(f.message());
            }
        }
        if (!reasons.isEmpty()) {
            return new Assessment(text, false, false, reasons, null);
        }
        if (risky.isEmpty()) {
            reasons.add("No driver it would make asynchronous has a hazard in this plan.");
        } else {
            reasons.add("Not safe: it would make asynchronous " + String.join(", ", risky) + ".");
        }
        reasons.add(reach);
        return new Assessment(text, true, risky.isEmpty(), reasons, evaluator.outcome(List.of(knob)));
    }
}
