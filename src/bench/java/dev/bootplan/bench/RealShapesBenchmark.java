package dev.bootplan.bench;

import dev.bootplan.engine.BootSimulator;
import dev.bootplan.engine.EngineSettings;
import dev.bootplan.engine.mode.AsyncMode;
import dev.bootplan.engine.plan.Plan;
import dev.bootplan.manifest.DeviceSpec;
import dev.bootplan.manifest.Manifest;
import dev.bootplan.manifest.ManifestLimits;
import dev.bootplan.manifest.ManifestNormalizer;
import dev.bootplan.report.Report;
import java.nio.file.Path;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * One evaluation in async mode of an example scaled to about N devices: every device of the example (and so every
 * kind: the storage server's disks, the laptop's USB and PCI devices, the board's deferred consumers and suppliers)
 * repeated N / (the example's device count) times. Real shapes, beside EvaluationBenchmark's synthetic one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class RealShapesBenchmark {

    @Param({"storage-server", "laptop", "embedded-arm-board"})
    public String shape;

    @Param({"10000", "100000", "1000000"})
    public int devices;

    private Plan plan;
    private final BootSimulator engine = new BootSimulator(new EngineSettings(2_000_000_000L));

    @Setup(Level.Trial)
    public void build() {
        Manifest m = JsonMapper.builder().build().readValue(Path.of("examples", shape + ".json").toFile(), Manifest.class);
        long base = m.devices().stream().mapToLong(d -> d.count() == null ? 1 : d.count()).sum();
        int factor = (int) Math.max(1, devices / base);
        var scaled = m.devices().stream().map(d -> new DeviceSpec(d.name(), d.driver(), d.probeTime(),
                (d.count() == null ? 1 : d.count()) * factor, d.parent(), d.suppliers(), d.killable(), d.cpuPercent(),
                d.cpuPercentEstimated(), d.asyncWork(), d.asyncWorkCpuPercent(), d.asyncWorkCpuPercentEstimated(),
                d.asyncWorkQueue(), d.discoveredAfter(), d.deferCost())).toList();
        Manifest big = new Manifest(m.name(), m.kernel(), m.systemd(), m.machine(), m.firmware(), m.initcalls(), m.modules(),
                m.drivers(), scaled, m.userspace());
        plan = new ManifestNormalizer(new ManifestLimits(2_000_000, 10_000, 20_000, 20_000)).normalize(big);
    }

    @Benchmark
    public Report evaluateAsync() {
        return engine.simulate(plan, new AsyncMode());
    }
}
