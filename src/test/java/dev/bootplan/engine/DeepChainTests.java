package dev.bootplan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootplan.engine.mode.AsyncMode;
import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.engine.sim.EventLoop;
import dev.bootplan.report.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A modules.dep chain thousands deep loads without a stack overflow, and its walk is charged to the work budget. */
class DeepChainTests {

    private static PlanFixture chain(int depth) {
        PlanFixture p = new PlanFixture();
        for (int m = 0; m < depth; m++) {
            p.modules.add(new ModulePlan("m" + m, 0, 0, m == 0 ? List.of() : List.of(m - 1), "", false, List.of()));
        }
        int drv = p.driver("top", ProbeType.DEFAULT);
        p.modules.add(new ModulePlan("top", 0, 0, List.of(depth - 1), "", false, List.of(drv)));
        p.device("dev", drv, 1_000);
        return p;
    }

    @Test
    void aChainTenThousandDeepLoadsEveryModuleInOrder() {
        Report r = new BootSimulator(EngineSettings.defaults()).simulate(chain(10_000).build(), new AsyncMode());
        assertThat(r.modules()).hasSize(10_001).allMatch(m -> m.loadEndUs() != null);
        assertThat(r.devices().getFirst().probeEndUs()).isEqualTo(1_000L);
    }

    @Test
    void walkingTheChainCountsAgainstTheWorkBudget() {
        var plan = chain(10_000).build();
        int top = plan.modules().size() - 1;
        assertThat(new ModuleChain(plan, new EventLoop(10_001)).of(top)).hasSize(10_001).startsWith(0, 1, 2).endsWith(top);
        assertThatThrownBy(() -> new ModuleChain(plan, new EventLoop(10_000)).of(top))
                .isInstanceOf(WorkBudgetExceededException.class);
    }
}
