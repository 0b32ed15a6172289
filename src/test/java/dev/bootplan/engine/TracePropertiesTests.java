package dev.bootplan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.engine.mode.ProbingMode;
import dev.bootplan.engine.mode.ProbingModes;
import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.report.Report;
import dev.bootplan.trace.DriverModules;
import dev.bootplan.trace.TraceExport;
import dev.bootplan.trace.TraceRules;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every seeded random plan's trace, in every mode, keeps the Trace Event Format's rules (here because the random
 * plans are the engine tests'): whatever the topology, knobs and deferrals, spans nest on their tracks and flows pair.
 */
class TracePropertiesTests {

    private static final BootSimulator ENGINE = new BootSimulator(EngineSettings.defaults());

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 150).boxed();
    }

    private static DriverModules owners(Plan plan) {
        Map<String, String> owners = new HashMap<>();
        for (ModulePlan m : plan.modules()) {
            for (int d : m.drivers()) {
                owners.putIfAbsent(plan.drivers().get(d).name(), m.name());
            }
        }
        return new DriverModules(owners);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyRandomPlansTraceKeepsTheRules(long seed) throws IOException {
        Plan plan = RandomPlans.generate(seed);
        for (ProbingMode mode : ProbingModes.all(false)) {
            Report report = ENGINE.simulate(plan, mode);
            StringWriter out = new StringWriter();
            TraceExport.evaluation(report, owners(plan), out);
            TraceRules.Summary summary = TraceRules.check(out.toString());
            assertThat(summary.complete()).isEqualTo(report.timeline().size());
        }
    }
}
