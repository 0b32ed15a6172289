package dev.bootplan.engine;

import static dev.bootplan.engine.PlanFixture.S;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootplan.engine.mode.AsyncMode;
import dev.bootplan.engine.plan.Level;
import dev.bootplan.engine.plan.ProbeType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan that would cost more events than the budget is refused, before it runs or as soon as it overruns. */
class WorkBudgetTests {

    @Test
    void aPlanOverTheBudgetIsRefusedBeforeItRuns() {
        PlanFixture p = new PlanFixture();
        int d = p.driver("d", ProbeType.DEFAULT);
        p.initcall("d_init", Level.DEVICE, 0, d);
        for (int i = 0; i < 100; i++) {
            p.device("dev" + i, d, S);
        }
        assertThatThrownBy(() -> new BootSimulator(new EngineSettings(150)).simulate(p.build(), new AsyncMode()))
                .isInstanceOf(WorkBudgetExceededException.class)
                .hasMessageContaining("at least 201 events"); // 2 per device + 1 per initcall
    }

    @Test
    void deferredRetriesThatOverrunTheBudgetStopTheRun() {
        // A chain of consumers, each waiting for the next: every bind retries every pending device.
        PlanFixture p = new PlanFixture();
        int d = p.driver("chain", ProbeType.DEFAULT);
        p.initcall("chain_init", Level.DEVICE, 0, d);
        int n = 200;
        for (int i = 0; i < n; i++) {
            p.device("c" + i, d, 1_000, -1, true, i + 1 < n ? List.of(i + 1) : List.of());
        }
        assertThatThrownBy(() -> new BootSimulator(new EngineSettings(5_000)).simulate(p.build(), new AsyncMode()))
                .isInstanceOf(WorkBudgetExceededException.class)
                .hasMessageContaining("stopped at simulated time");
    }

    @Test
    void aReportOverItsSpanBudgetIsRefusedAsItGrowsNamingTheSetting() {
        PlanFixture p = new PlanFixture();
        int d = p.driver("d", ProbeType.DEFAULT);
        p.initcall("d_init", Level.DEVICE, 0, d);
        for (int i = 0; i < 100; i++) {
            p.device("dev" + i, d, 1_000);
        }
        assertThatThrownBy(() -> new BootSimulator(new EngineSettings(1_000_000, 50)).simulate(p.build(), new AsyncMode()))
                .isInstanceOf(WorkBudgetExceededException.class)
                .hasMessageContaining("more than 50 timeline spans")
                .extracting(e -> ((WorkBudgetExceededException) e).property())
                .isEqualTo("bootplan.limits.max-report-spans");
        // The report needs exactly as many spans as it has: that many fit, one fewer does not.
        int spans = new BootSimulator(EngineSettings.defaults()).simulate(p.build(), new AsyncMode()).timeline().size();
        new BootSimulator(new EngineSettings(1_000_000, spans)).simulate(p.build(), new AsyncMode());
        assertThatThrownBy(() -> new BootSimulator(new EngineSettings(1_000_000, spans - 1)).simulate(p.build(), new AsyncMode()))
                .isInstanceOf(WorkBudgetExceededException.class);
    }
}
