package dev.bootplan.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.EngineSettings;
import dev.bootplan.engine.KnobReading;
import dev.bootplan.engine.RandomPlans;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.report.Finding;
import dev.bootplan.report.FindingCode;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** What holds for the advice on every plan, over 120 seeded random plans (every kernel from 3.16 to 6.12, every knob). */
class AdvicePropertiesTests {

    private static final Advisor ADVISOR = new Advisor(new BootSimulator(EngineSettings.defaults()));
    private static final AdviceOptions OPTIONS = new AdviceOptions(Goal.allDevicesSettled, 50, 1_000, 120, 20_000_000L);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 120).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theAdviceNeverBindsFewerDevicesThanThePlanAsWritten(long seed) {
        Advice a = ADVISOR.advise(RandomPlans.generate(seed), OPTIONS, () -> false);
        assertThat(a.after().bound()).as("seed %d", seed).isGreaterThanOrEqualTo(a.before().bound());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void noLineIsAKnobThePlansKernelIgnores(long seed) {
        Plan plan = RandomPlans.generate(seed);
        Set<String> before = ineffective(plan);
        Advice a = ADVISOR.advise(plan, OPTIONS, () -> false);
        for (AdviceLine line : a.lines()) {
            Plan with = LineApplier.apply(plan, line);
            assertThat(ineffective(with)).as("seed %d, %s", seed, line.text()).isSubsetOf(before);
            if (line.kind().equals("setting")) {
                assertThat(KnobReading.of(with).knobs()).as("seed %d: %s changes what the kernel reads", seed, line.text())
                        .isNotEqualTo(KnobReading.of(plan).knobs());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theSamePlanGivesTheSameAdviceByteForByte(long seed) {
        String first = JSON.writeValueAsString(ADVISOR.advise(RandomPlans.generate(seed), OPTIONS, () -> false));
        String second = JSON.writeValueAsString(ADVISOR.advise(RandomPlans.generate(seed), OPTIONS, () -> false));
        assertThat(second).isEqualTo(first);
    }

    private static Set<String> ineffective(Plan plan) {
        return KnobReading.of(plan).findings().stream().filter(f -> f.code() == FindingCode.KNOB_INEFFECTIVE)
                .map(Finding::message).collect(Collectors.toSet());
    }
}
