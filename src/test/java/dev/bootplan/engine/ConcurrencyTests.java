package dev.bootplan.engine;

import static dev.bootplan.engine.PlanFixture.S;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bootplan.engine.mode.AsyncMode;
import dev.bootplan.engine.mode.SyncMode;
import dev.bootplan.engine.plan.DevicePlan;
import dev.bootplan.engine.plan.Level;
import dev.bootplan.engine.plan.ProbeType;
import dev.bootplan.report.DeviceOutcome;
import dev.bootplan.report.FindingCode;
import dev.bootplan.report.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

/** probe-model.md §5: the async pool's max_active by version, MAX_WORK, and CPU-bound probes competing for CPUs. */
class ConcurrencyTests {

    private static PlanFixture builtinAsync(String version, int devices, int cpuPercent, int cpus) {
        PlanFixture p = new PlanFixture().kernel(version);
        p.cpus = cpus;
        int d = p.driver("fast", ProbeType.PREFER_ASYNC);
        p.initcall("fast_init", Level.DEVICE, 0, d);
        for (int i = 0; i < devices; i++) {
            p.devices.add(new DevicePlan("dev" + i, d, 1 * S, -1, List.of(), true, cpuPercent, 0, 0));
        }
        p.initramfs = true;
        return p;
    }

    private static long lastBound(Report r) {
        return r.devices().stream().mapToLong(DeviceOutcome::probeEndUs).max().orElseThrow();
    }

    @Test
    void kernelsFrom6_9RunAtMost256AsyncItemsAtOnce() {
        Report r = new BootSimulator(EngineSettings.defaults()).simulate(builtinAsync("6.12", 300, 0, 4).build(), new AsyncMode());
        assertThat(lastBound(r)).isEqualTo(2 * S);
        assertThat(r.knobs().asyncMaxActive()).isEqualTo(256);
        assertThat(r.warnings()).extracting(w -> w.code()).contains(FindingCode.ASYNC_POOL_SATURATED);
    }

    @Test
    void kernelsBefore6_9RunMax512Or4TimesCpusAtOnce() {
        Report r = new BootSimulator(EngineSettings.defaults()).simulate(builtinAsync("6.1", 300, 0, 4).build(), new AsyncMode());
        assertThat(lastBound(r)).isEqualTo(1 * S);
        assertThat(r.knobs().asyncMaxActive()).isEqualTo(512);
        Report big = new BootSimulator(EngineSettings.defaults()).simulate(builtinAsync("6.1", 1, 0, 200).build(), new AsyncMode());
        assertThat(big.knobs().asyncMaxActive()).isEqualTo(800);
    }

    @Test
    void cpuBoundProbesGainNothingFromAsyncOnOneCpu() {
        var sim = new BootSimulator(EngineSettings.defaults());
        Report async = sim.simulate(builtinAsync("6.12", 4, 100, 1).build(), new AsyncMode());
        Report sync = sim.simulate(builtinAsync("6.12", 4, 100, 1).build(), new SyncMode());
        assertThat(lastBound(async)).isEqualTo(4 * S);
        assertThat(lastBound(sync)).isEqualTo(4 * S);
    }

    @Test
    void waitBoundProbesOverlapOnOneCpu() {
        Report async = new BootSimulator(EngineSettings.defaults()).simulate(builtinAsync("6.12", 4, 0, 1).build(), new AsyncMode());
        assertThat(lastBound(async)).isEqualTo(1 * S);
    }

    @Test
    void halfCpuBoundProbesShareTwoCpus() {
        // 4 probes × 1 s at 50 % CPU on 2 CPUs: each computes and sleeps in turn, so together they ask for exactly
        // 2 CPUs and none is slowed (the old CPU-first-then-wait rule gave 1.5 s: four CPU halves queued first).
        Report r = new BootSimulator(EngineSettings.defaults()).simulate(builtinAsync("6.12", 4, 50, 2).build(), new AsyncMode());
        assertThat(lastBound(r)).isEqualTo(1_000_000L);
    }

    @Test
    void probesAskingForMoreThanTheCpusStretchInProportion() {
        // 4 × 1 s at 75 % on 2 CPUs: 3 CPUs asked, 2 given, each runs at 2/3 of its pace: 1.5 s.
        Report r = new BootSimulator(EngineSettings.defaults()).simulate(builtinAsync("6.12", 4, 75, 2).build(), new AsyncMode());
        assertThat(lastBound(r)).isEqualTo(1_500_000L);
    }

    @Test
    void pastMaxWorkPendingEntriesTheProbeRunsSynchronouslyInTheCaller() {
        PlanFixture p = builtinAsync("6.12", BootSettings.MAX_WORK + 3, 0, 4);
        Report r = new BootSimulator(EngineSettings.defaults()).simulate(p.build(), new AsyncMode());
        long syncProbes = r.devices().stream().filter(d -> !d.async()).count();
        // entry_count > MAX_WORK: the first MAX_WORK + 1 entries queue, the rest run in PID 1.
        assertThat(syncProbes).isEqualTo(2);
        assertThat(r.warnings()).extracting(w -> w.code()).contains(FindingCode.ASYNC_QUEUE_OVERFLOW);
    }
}
