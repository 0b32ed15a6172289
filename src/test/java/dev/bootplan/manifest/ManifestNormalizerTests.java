package dev.bootplan.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootplan.engine.plan.Plan;
import dev.bootplan.engine.plan.ProbeType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation collects every violation with its pointer; normalisation expands counts and resolves names. */
class ManifestNormalizerTests {

    private static final ManifestNormalizer NORMALIZER = new ManifestNormalizer(new ManifestLimits(1000, 10, 10, 10));

    private static KernelSpec kernel() {
        return new KernelSpec("6.12", "quiet", true, null, null, null);
    }

    private static Manifest manifest(List<ModuleSpec> modules, List<DriverSpec> drivers, List<DeviceSpec> devices) {
        return new Manifest("t", kernel(), null, null, null, null, modules, drivers, devices, null);
    }

    private static DriverSpec driver(String name, String type) {
        return new DriverSpec(name, type, null, null, null);
    }

    private static DeviceSpec device(String name, String driver, String probe, Integer count, String parent) {
        return new DeviceSpec(name, driver, probe, count, parent, null, null, null, null, null);
    }

    private static List<Violation> violations(Manifest m) {
        try {
            NORMALIZER.normalize(m);
        } catch (ManifestInvalidException e) {
            return e.violations();
        }
        throw new AssertionError("expected violations");
    }

    @Test
    void countsExpandIntoNamedCopiesAndModuleNamesAreCanonical() {
        Plan plan = NORMALIZER.normalize(manifest(
                List.of(new ModuleSpec("sd-mod", "1ms", "72KiB", null, null, null, true, List.of("sd"))),
                List.of(driver("sd", "prefer-async")),
                List.of(device("0:0:{n}:0", "sd", "1.5s", 3, null), device("nvme0", "sd", "250ms", 2, null))));
        assertThat(plan.devices()).extracting(d -> d.name())
                .containsExactly("0:0:0:0", "0:0:1:0", "0:0:2:0", "nvme0", "nvme0.1");
        assertThat(plan.devices().getFirst().probeUs()).isEqualTo(1_500_000L);
        assertThat(plan.modules().getFirst().name()).isEqualTo("sd_mod");
        assertThat(plan.modules().getFirst().loadUs()).isEqualTo(4_800 + 160 * 72);
        assertThat(plan.drivers().getFirst().probeType()).isEqualTo(ProbeType.PREFER_ASYNC);
    }

    @Test
    void aDependencyCycleIsNamed() {
        List<Violation> v = violations(manifest(List.of(
                        new ModuleSpec("a", null, null, null, List.of("b"), null, null, null),
                        new ModuleSpec("b", null, null, null, List.of("c"), null, null, null),
                        new ModuleSpec("c", null, null, null, List.of("a"), null, null, null)),
                List.of(), List.of()));
        assertThat(v).extracting(Violation::message).anyMatch(m -> m.equals("module dependency cycle: a -> b -> c -> a"));
    }

    @Test
    void everyMistakeIsReportedAtOnceWithItsPointer() {
        List<Violation> v = violations(manifest(
                List.of(new ModuleSpec("m", "1s", null, null, List.of("ghost"), null, null, List.of("d")),
                        new ModuleSpec("m", null, null, null, null, null, null, null)),
                List.of(driver("d", "eager"), driver("d", "default")),
                List.of(device("x", "nope", "10", null, null), device("y", "d", "-5ms", null, "nowhere"),
                        device("z", "d", "3h", null, null))));
        assertThat(v).extracting(Violation::pointer).contains(
                "/modules/0/dependsOn/0", "/modules/1/name", "/drivers/0/probeType", "/drivers/1/name",
                "/devices/0/driver", "/devices/0/probeTime", "/devices/1/probeTime", "/devices/1/parent",
                "/devices/2/probeTime");
        assertThat(v).filteredOn(x -> x.pointer().equals("/drivers/0/probeType")).extracting(Violation::message)
                .containsExactly("\"eager\" is not one of default, prefer-async, force-sync");
        assertThat(v).filteredOn(x -> x.pointer().equals("/devices/0/probeTime")).extracting(Violation::message)
                .containsExactly("\"10\" has no unit; write \"10s\" or \"10ms\" (a bare number is ambiguous)");
    }

    @Test
    void sizeLimitsAreCheckedBeforeCountsExpand() {
        List<Violation> v = violations(manifest(List.of(), List.of(driver("d", null)),
                List.of(device("many", "d", "1ms", 2_000_000_000, null))));
        assertThat(v).extracting(Violation::pointer).containsExactly("/devices");
        assertThat(v.getFirst().message()).contains("2000000000 devices").contains("limit is 1000");
    }

    @Test
    void aForeverFallbackAndModulesWithoutModuleSupportAreRefused() {
        Manifest m = new Manifest("t", new KernelSpec("6.12", "", false, null, null, null), null, null,
                new FirmwareSpec(null, null, null, true, "0s"), null,
                List.of(new ModuleSpec("m", null, null, null, null, null, null, null)), List.of(), List.of(), null);
        assertThat(violations(m)).extracting(Violation::pointer).contains("/firmware/fallbackTimeout", "/modules");
    }

    @Test
    void aParentLoopIsRefusedButASupplierCycleIsLeftToTheSimulation() {
        List<Violation> v = violations(manifest(List.of(), List.of(driver("d", null)),
                List.of(device("a", "d", "1ms", null, "b"), device("b", "d", "1ms", null, "a"))));
        assertThat(v).extracting(Violation::message).anyMatch(m -> m.startsWith("device parent loop: "));
        Plan plan = NORMALIZER.normalize(manifest(List.of(), List.of(driver("d", null)), List.of(
                new DeviceSpec("a", "d", "1ms", null, null, List.of("b"), null, null, null, null),
                new DeviceSpec("b", "d", "1ms", null, null, List.of("a"), null, null, null, null))));
        assertThat(plan.devices()).hasSize(2);
    }

    @Test
    void timeSpansFollowSystemdSyntax() {
        assertThat(dev.bootplan.engine.plan.TimeSpan.parseMicros("1min 30s")).isEqualTo(90_000_000L);
        assertThat(dev.bootplan.engine.plan.TimeSpan.parseMicros("120us")).isEqualTo(120L);
        assertThat(dev.bootplan.engine.plan.TimeSpan.parseMicros("1.5s")).isEqualTo(1_500_000L);
        assertThatThrownBy(() -> dev.bootplan.engine.plan.TimeSpan.parseMicros("5 fortnights"))
                .hasMessageContaining("unknown unit");
        assertThatThrownBy(() -> dev.bootplan.engine.plan.TimeSpan.parseMicros("0.5us")).hasMessageContaining("finer");
    }
}
