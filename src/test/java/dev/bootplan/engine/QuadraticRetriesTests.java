package dev.bootplan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootplan.engine.mode.AsyncMode;
import dev.bootplan.engine.plan.DevicePlan;
import dev.bootplan.engine.plan.Level;
import dev.bootplan.engine.plan.ModulePlan;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.report.DeviceOutcome;
import dev.bootplan.report.DeviceState;
import dev.bootplan.report.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * N built-in consumers wait for the last of N suppliers that a module binds one at a time: every bind retries every
 * pending consumer (drivers/base/dd.c driver_deferred_probe_trigger()), N² retries as in the kernel. The report must
 * still grow with N, and the work budget must count the retries.
 */
class QuadraticRetriesTests {

    private static PlanFixture consumersOfTheLastSupplier(int n) {
        PlanFixture p = new PlanFixture();
        int consumer = p.driver("consumer", ProbeType.DEFAULT);
        int supplier = p.driver("supplier", ProbeType.DEFAULT);
        p.initcall("consumer_init", Level.DEVICE, 0, consumer);
        p.modules.add(new ModulePlan("supplier_mod", 0, 0, List.of(), "", false, List.of(supplier)));
        for (int i = 0; i < n; i++) {
            p.device("s" + i, supplier, 100);
        }
        for (int i = 0; i < n; i++) {
            p.devices.add(new DevicePlan("c" + i, consumer, 100, -1, List.of(n - 1), true, 0, 0, 0));
        }
        return p;
    }

    @Test
    void retriesThatChangeNothingCostNoSpansButCountAsAttempts() {
        int n = 2_000;
        Report r = new BootSimulator(EngineSettings.defaults()).simulate(consumersOfTheLastSupplier(n).build(), new AsyncMode());
        assertThat(r.devices()).allMatch(d -> d.state() == DeviceState.bound);
        // Each consumer: deferred at registration, retried after each of the n binds after late level (n − 1 no-ops), then bound.
        DeviceOutcome c0 = r.devices().stream().filter(d -> d.name().equals("c0")).findFirst().orElseThrow();
        assertThat(c0.attempts()).isGreaterThanOrEqualTo(n);
        assertThat(r.timeline().size()).isLessThan(10 * 2 * n);
    }

    @Test
    void fiveThousandOfThemExceedTheWorkBudgetInsteadOfTheMemory() {
        assertThatThrownBy(() -> new BootSimulator(EngineSettings.defaults())
                .simulate(consumersOfTheLastSupplier(5_000).build(), new AsyncMode()))
                .isInstanceOf(WorkBudgetExceededException.class);
    }
}
