package dev.bootplan.bench;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.EngineSettings;
import dev.bootplan.engine.mode.AsyncMode;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.report.Report;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One evaluation in async mode of a plan with N devices, 2,000 modules and 5,000 built-in initcalls
 * (the target: under 1 s at 100,000 devices on 2 cores). Plans are built once per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class EvaluationBenchmark {

    @Param({"1000", "10000", "100000", "1000000"})
    public int devices;

    private Plan plan;
    private final BootSimulator engine = new BootSimulator(new EngineSettings(200_000_000L));

    @Setup(Level.Trial)
    public void build() {
        plan = BenchPlans.of(devices, 2_000, 5_000, 42);
    }

    @Benchmark
    public Report evaluateAsync() {
        return engine.simulate(plan, new AsyncMode());
    }
}
