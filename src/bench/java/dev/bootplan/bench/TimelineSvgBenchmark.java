package dev.bootplan.bench;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.EngineSettings;
import dev.bootplan.engine.mode.AsyncMode;
import dev.bootplan.render.TimelineSvg;
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

/** Rendering the timeline SVG of an already simulated report (the target: well under 1 s at 100,000 devices). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class TimelineSvgBenchmark {

    @Param({"1000", "100000"})
    public int devices;

    private Report report;
    private final TimelineSvg svg = new TimelineSvg();

    @Setup(Level.Trial)
    public void simulate() {
        report = new BootSimulator(new EngineSettings(200_000_000L))
                .simulate(BenchPlans.of(devices, 2_000, 5_000, 42), new AsyncMode());
    }

    @Benchmark
    public String renderSvg() {
        return svg.render(report);
    }
}
