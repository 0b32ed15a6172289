package dev.bootplan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.engine.mode.DebugForceAllMode;
import dev.bootplan.engine.mode.ProbingMode;
import dev.bootplan.engine.mode.ProbingModes;
import dev.bootplan.engine.mode.SyncMode;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.report.DeviceOutcome;
import dev.bootplan.report.DeviceState;
import dev.bootplan.report.ModuleOutcome;
import dev.bootplan.report.Report;
import dev.bootplan.report.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants that hold for every plan, checked over 300 seeded random plans in every mode. */
class EnginePropertiesTests {

    private static final BootSimulator ENGINE = new BootSimulator(EngineSettings.defaults());

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 300).boxed();
    }

    private static List<Report> allModes(Plan plan) {
        List<Report> out = new ArrayList<>();
        for (ProbingMode mode : ProbingModes.all(false)) {
            out.add(ENGINE.simulate(plan, mode));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyDeviceEndsInExactlyOneConsistentState(long seed) {
        for (Report r : allModes(RandomPlans.generate(seed))) {
            assertThat(r.devices()).hasSize(RandomPlans.generate(seed).devices().size());
            for (DeviceOutcome d : r.devices()) {
                assertThat(d.state()).as("seed %d %s %s", seed, r.mode(), d.name()).isNotNull();
                switch (d.state()) {
                    case bound -> assertThat(d.failure()).isNull();
                    case failed, deferred -> {
                        assertThat(d.failure()).isNotNull();
                        assertThat(d.attempts()).isPositive();
                        assertThat(d.probeEndUs()).isGreaterThanOrEqualTo(d.probeStartUs());
                    }
                    case unprobed -> assertThat(d.failure()).isNotNull();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void spansOnOneLaneNeverOverlapUnlessNested(long seed) {
        for (Report r : allModes(RandomPlans.generate(seed))) {
            Map<String, List<Span>> byLane = r.timeline().stream().collect(Collectors.groupingBy(Span::lane));
            byLane.forEach((lane, spans) -> {
                List<Span> sorted = new ArrayList<>(spans);
                sorted.sort(Comparator.comparingLong(Span::startUs).thenComparing(Comparator.comparingLong(Span::endUs).reversed()));
                ArrayDeque<Span> open = new ArrayDeque<>();
                for (Span s : sorted) {
                    assertThat(s.endUs()).isGreaterThanOrEqualTo(s.startUs());
                    while (!open.isEmpty() && open.peek().endUs() <= s.startUs()) {
                        open.pop();
                    }
                    if (!open.isEmpty()) {
                        assertThat(s.endUs()).as("seed %d %s lane %s: %s overlaps %s", seed, r.mode(), lane, s, open.peek())
                                .isLessThanOrEqualTo(open.peek().endUs());
                    }
                    open.push(s);
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theSamePlanGivesIdenticalReports(long seed) {
        assertThat(allModes(RandomPlans.generate(seed)).toString()).isEqualTo(allModes(RandomPlans.generate(seed)).toString());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void syncModeRunsNothingOnAnAsyncLane(long seed) {
        Report r = ENGINE.simulate(RandomPlans.generate(seed), new SyncMode());
        assertThat(r.timeline()).noneMatch(s -> s.lane().startsWith("async-"));
        assertThat(r.devices()).noneMatch(DeviceOutcome::async);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aForceSyncDriverIsNeverProbedAsyncUnlessTheOverrideIsAsked(long seed) {
        Plan plan = RandomPlans.generate(seed);
        List<String> forceSync = plan.drivers().stream().filter(d -> d.probeType() == ProbeType.FORCE_SYNC)
                .map(d -> d.name()).toList();
        for (Report r : allModes(plan)) {
            assertThat(r.devices()).filteredOn(d -> forceSync.contains(d.driver())).noneMatch(DeviceOutcome::async);
        }
        Report overridden = ENGINE.simulate(plan, new DebugForceAllMode(true));
        if (plan.kernel().atLeast(4, 2)) {
            assertThat(overridden.devices()).filteredOn(d -> forceSync.contains(d.driver()) && d.probeStartUs() != null
                    && d.state() == DeviceState.bound && d.attempts() == 1).allMatch(DeviceOutcome::async);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void inSyncModeAnotherDeviceNeverMakesItsModuleLoadEndEarlier(long seed) {
        Plan plan = RandomPlans.generate(seed);
        for (int m = 0; m < plan.modules().size(); m++) {
            if (plan.modules().get(m).drivers().isEmpty()) {
                continue;
            }
            int driver = plan.modules().get(m).drivers().getFirst();
            ModuleOutcome before = ENGINE.simulate(plan, new SyncMode()).modules().get(m);
            ModuleOutcome after = ENGINE.simulate(RandomPlans.withExtraDevice(plan, driver, 700_000), new SyncMode()).modules().get(m);
            if (before.loadEndUs() != null && after.loadEndUs() != null && before.loadStartUs().equals(after.loadStartUs())) {
                assertThat(after.loadEndUs()).as("seed %d module %d", seed, m).isGreaterThanOrEqualTo(before.loadEndUs());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void udevSettlesAfterEveryModuleLoadEnds(long seed) {
        for (Report r : allModes(RandomPlans.generate(seed))) {
            for (ModuleOutcome m : r.modules()) {
                if (m.loadEndUs() != null && r.milestones().udevSettledUs() != null) {
                    assertThat(r.milestones().udevSettledUs()).as("seed %d %s %s", seed, r.mode(), m.name())
                            .isGreaterThanOrEqualTo(m.loadEndUs());
                }
            }
        }
    }
}
