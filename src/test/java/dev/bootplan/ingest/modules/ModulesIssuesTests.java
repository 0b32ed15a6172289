package dev.bootplan.ingest.modules;

import static dev.bootplan.ingest.modules.ModuleFixtures.text;
import static dev.bootplan.ingest.modules.ModulesIssueKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootplan.ingest.ImportFailedException;
import dev.bootplan.ingest.ImportIssue;
import dev.bootplan.ingest.IssueSeverity;
import dev.bootplan.ingest.modules.ModuleMetadataImport.Inputs;
import dev.bootplan.ingest.modules.ModuleMetadataImport.Options;
import dev.bootplan.manifest.ManifestLimits;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every issue code, with the exact {@code source:line:col: message} it is reported as. */
class ModulesIssuesTests {

    /** The issue kinds a test asserts; {@link #everyCodeHasATest} checks that together they are all of them. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Covers {
        ModulesIssueKind[] value();
    }

    private static final Options OPTIONS = Options.defaults().withKernelRelease("6.1.0-57-amd64");

    private static List<ImportIssue> issues(Options options, Inputs in) {
        return new ModuleMetadataImport(options).build(in).issues();
    }

    private static List<ImportIssue> issues(Inputs in) {
        return issues(OPTIONS, in);
    }

    private static Inputs dep(String text) {
        return Inputs.of(text("modules.dep", text));
    }

    /** The issues of one kind, as strings. */
    private static List<String> of(ModulesIssueKind kind, List<ImportIssue> issues) {
        return issues.stream().filter(i -> i.kind() == kind).map(ImportIssue::toString).toList();
    }

    @Test
    void everyCodeHasATest() {
        Set<ModulesIssueKind> covered = Arrays.stream(ModulesIssuesTests.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class) && m.isAnnotationPresent(Covers.class))
                .flatMap(m -> Arrays.stream(m.getAnnotation(Covers.class).value()))
                .collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(ModulesIssueKind.class));
    }

    @Test
    void codesAreUniqueAndKebabCase() {
        Set<String> codes = EnumSet.allOf(ModulesIssueKind.class).stream().map(ModulesIssueKind::code).collect(Collectors.toSet());
        assertThat(codes).hasSize(ModulesIssueKind.values().length).allMatch(c -> c.matches("[a-z]+(-[a-z]+)*"));
    }

    @Covers(NOTHING_TO_IMPORT)
    @Test
    void anEmptyModulesDepIsAnErrorAndFailsTheImport() {
        assertThatThrownBy(() -> issues(dep("")))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e).hasMessage("\"modules.dep\" holds no module to import");
                    assertThat(of(NOTHING_TO_IMPORT, e.issues())).containsExactly(
                            "modules.dep:0:0: no module line (path.ko: dependencies…) in the input; nothing to import");
                    assertThat(e.issues().getFirst().severity()).isEqualTo(IssueSeverity.error);
                });
    }

    @Covers(LINE_TOO_LONG)
    @Test
    void aLineLongerThanTheLimitIsSkippedWhole() {
        List<ImportIssue> issues = issues(OPTIONS, dep("kernel/a.ko:\nkernel/b.ko: " + "kernel/c.ko ".repeat(2000) + "\n"));
        assertThat(of(LINE_TOO_LONG, issues)).containsExactly("modules.dep:2:16385: line longer than 16384 characters; skipped");
    }

    @Covers(LINE_TOO_LONG)
    @Test
    void anOverlongModinfoRecordIsSkipped() {
        Options small = new Options(null, "6.1", 200, 4_800, 2, 93, 20, 1_000);
        List<ImportIssue> issues = issues(small, dep("kernel/a.ko:\n")
                .withBuiltinModinfo(text("modules.builtin.modinfo", "a.license=GPL\0a.description=far too long a text\0")));
        assertThat(of(LINE_TOO_LONG, issues))
                .containsExactly("modules.builtin.modinfo:1:35: record longer than 20 characters; skipped");
    }

    @Covers(BLANK_LINE)
    @Test
    void blankLinesAreNoted() {
        assertThat(of(BLANK_LINE, issues(dep("kernel/a.ko:\n\nkernel/b.ko:\n"))))
                .containsExactly("modules.dep:2:1: empty line; skipped");
    }

    @Covers(MISSING_COLON)
    @Test
    void aModulesDepLineWithoutAColonIsSkipped() {
        assertThat(of(MISSING_COLON, issues(dep("kernel/a.ko:\nkernel/b.ko kernel/a.ko\n"))))
                .containsExactly("modules.dep:2:1: \"kernel/b.ko kernel/a.ko\" has no ':' after a module path; line skipped");
    }

    @Covers(MISSING_COLON)
    @Test
    void bytesThatAreNotTextPastTheStartAreNeverEchoed() {
        // TextInput refuses binary at the start of an input; what comes later is quoted with its controls escaped.
        assertThat(of(MISSING_COLON, issues(dep("kernel/a.ko:\n\u0000\u0007\u001b[2Jjunk\ufffd\n")))).containsExactly(
                "modules.dep:2:1: \"\\x00\\x07\\x1b[2Jjunk\\ufffd\" has no ':' after a module path; line skipped");
    }

    @Covers(NOT_A_MODULE_PATH)
    @Test
    void entriesThatAreNotKoPathsAreReportedWhereTheyAre() {
        assertThat(of(NOT_A_MODULE_PATH, issues(dep("kernel/a.ko: kernel/b.o\nREADME.txt: kernel/a.ko\n")
                .withBuiltin(text("modules.builtin", "kernel/fs/ext4/ext4.ko\nfs/ext4.c\n"))))).containsExactly(
                "modules.dep:1:14: dependency \"kernel/b.o\" of a is not a .ko path; dropped",
                "modules.dep:2:1: \"README.txt\" is not a .ko path; line skipped",
                "modules.builtin:2:1: \"fs/ext4.c\" is not a .ko path; line skipped");
    }

    @Covers(DUPLICATE_MODULE)
    @Test
    void aModuleListedTwiceKeepsItsFirstLine() {
        assertThat(of(DUPLICATE_MODULE, issues(dep("kernel/drivers/a-b.ko:\nkernel/extra/a_b.ko.xz:\n")
                .withBuiltin(text("modules.builtin", "kernel/x.ko\nkernel/y/x.ko\n"))))).containsExactly(
                "modules.dep:2:1: a_b is listed again (first on line 1); this line is skipped",
                "modules.builtin:2:1: x is listed again (first on line 1); this line is skipped");
    }

    @Covers(UNKNOWN_DEPENDENCY)
    @Test
    void aDependencyWithoutALineOfItsOwnIsDropped() {
        assertThat(of(UNKNOWN_DEPENDENCY, issues(dep("kernel/drivers/scsi/sd_mod.ko: kernel/drivers/scsi/scsi_mod.ko\n"))))
                .containsExactly("modules.dep:1:32: sd_mod depends on scsi_mod (kernel/drivers/scsi/scsi_mod.ko), which has"
                        + " no line of its own; dropped, the plan cannot load it");
    }

    @Covers(SELF_DEPENDENCY)
    @Test
    void aModuleDependingOnItselfLosesThatDependency() {
        assertThat(of(SELF_DEPENDENCY, issues(dep("kernel/a.ko: kernel/a.ko\n"))))
                .containsExactly("modules.dep:1:14: a lists itself as a dependency; dropped");
    }

    @Covers(DUPLICATE_DEPENDENCY)
    @Test
    void aDependencyListedTwiceIsKeptOnce() {
        assertThat(of(DUPLICATE_DEPENDENCY, issues(dep("kernel/a.ko: kernel/b.ko kernel/b.ko.zst\nkernel/b.ko:\n"))))
                .containsExactly("modules.dep:1:26: a lists b twice; the second is dropped");
    }

    @Covers(BUILTIN_AND_LOADABLE)
    @Test
    void aModuleBothBuiltInAndLoadableStaysLoadable() {
        assertThat(of(BUILTIN_AND_LOADABLE, issues(dep("kernel/a.ko:\n")
                .withBuiltin(text("modules.builtin", "kernel/b.ko\nkernel/a.ko\n")))))
                .containsExactly("modules.builtin:2:1: a is also in modules.dep (line 1); the plan keeps it as a loadable module");
    }

    @Covers(MALFORMED_MODINFO)
    @Test
    void aMalformedModinfoRecordIsPlacedByItsOffset() {
        // "virtio_pci.alias=pci:v00001AF4d*" is 32 characters and its NUL: the next record starts at column 34.
        assertThat(of(MALFORMED_MODINFO, issues(dep("kernel/a.ko:\n")
                .withBuiltin(text("modules.builtin", "kernel/drivers/virtio/virtio_pci.ko\n"))
                .withBuiltinModinfo(text("modules.builtin.modinfo", "virtio_pci.alias=pci:v00001AF4d*\0garbage\0virtio_pci.alias=\0")))))
                .containsExactly(
                        "modules.builtin.modinfo:1:34: \"garbage\" is not module.key=value; skipped",
                        "modules.builtin.modinfo:1:42: virtio_pci has an empty alias; skipped");
    }

    @Covers(MODINFO_NOT_BUILTIN)
    @Test
    void modinfoAliasesOfModulesThatAreNotBuiltInAreNotUsed() {
        assertThat(of(MODINFO_NOT_BUILTIN, issues(dep("kernel/a.ko:\n")
                .withBuiltin(text("modules.builtin", "kernel/drivers/virtio/virtio_pci.ko\n"))
                .withBuiltinModinfo(text("modules.builtin.modinfo",
                        "virtio_pci.alias=pci:v00001AF4d*\0debugfs.alias=fs-debugfs\0mmiotrace.parmtype=trace_pc:bool\0")))))
                .containsExactly("modules.builtin.modinfo:0:0: 1 module(s) with aliases here are not built-in modules of"
                        + " modules.builtin (debugfs); their aliases are not used");
    }

    @Covers(MALFORMED_ALIAS)
    @Test
    void aMalformedAliasLineIsSkipped() {
        assertThat(of(MALFORMED_ALIAS, issues(dep("kernel/a.ko:\n")
                .withAliases(text("modules.alias", "# comment\nalias pci:v* a\nalias pci:v*\n  options a x=1\n")))))
                .containsExactly(
                        "modules.alias:3:1: \"alias pci:v*\" is not \"alias <pattern> <module>\"; skipped",
                        "modules.alias:4:3: \"options a x=1\" is not \"alias <pattern> <module>\"; skipped");
    }

    @Covers(ALIAS_FOR_UNKNOWN_MODULE)
    @Test
    void anAliasForAModuleOutsideModulesDepIsSkipped() {
        assertThat(of(ALIAS_FOR_UNKNOWN_MODULE, issues(dep("kernel/a.ko:\n")
                .withAliases(text("modules.alias", "alias pci:v* a\nalias virtio:d* ghost\n")))))
                .containsExactly("modules.alias:2:17: alias \"virtio:d*\" names ghost, which modules.dep does not list; skipped");
    }

    private static final String VIRTIO_DEP = "kernel/drivers/virtio/virtio_pci.ko:\nkernel/drivers/block/virtio_blk.ko:\n";
    private static final String VIRTIO_ALIAS = "alias pci:v00001AF4d* virtio_pci\nalias virtio:d00000002v* virtio_blk\n";

    private static List<ImportIssue> devices(String aliases, String... lines) {
        return issues(dep(VIRTIO_DEP).withAliases(text("modules.alias", aliases))
                .withDevices(text("devices", String.join("\n", lines) + "\n")));
    }

    @Covers(MALFORMED_DEVICE)
    @Test
    void aDevicesLineInNeitherFormIsSkipped() {
        assertThat(of(MALFORMED_DEVICE, devices(VIRTIO_ALIAS, "hello world", "/sys/devices/platform/x/modalias:")))
                .containsExactly(
                        "devices:1:1: \"hello world\" is neither <sysfs dir>/modalias:<modalias> nor a modalias; skipped",
                        "devices:2:1: \"/sys/devices/platform/x/modalias:\" needs a sysfs directory and a modalias after"
                                + " \"/modalias:\"; skipped");
    }

    @Covers(BARE_MODALIAS)
    @Test
    void bareModaliasesAreNamedBusAtLineOnce() {
        assertThat(of(BARE_MODALIAS, devices(VIRTIO_ALIAS, "pci:v00001AF4d00001042", "virtio:d00000002v00001AF4")))
                .containsExactly("devices:1:1: a modalias without its sysfs path: its device is named pci@1 (bus@line) and"
                        + " has no parent; so are later ones");
    }

    @Covers(DUPLICATE_DEVICE)
    @Test
    void aSecondDeviceOfTheSameNameIsLeftOut() {
        assertThat(of(DUPLICATE_DEVICE, devices(VIRTIO_ALIAS,
                "/sys/devices/pci0000:00/0000:00:02.0/virtio1/modalias:virtio:d00000002v00001AF4",
                "/sys/devices/platform/virtio1/modalias:virtio:d00000002v00001AF4")))
                .containsExactly("devices:2:1: virtio1 is already a device of the plan (line 1); this one"
                        + " (\"virtio:d00000002v00001AF4\") is left out");
    }

    @Covers(NO_DRIVER)
    @Test
    void aDeviceNoAliasMatchesIsLeftOut() {
        assertThat(of(NO_DRIVER, devices(VIRTIO_ALIAS, "/sys/devices/pci0000:00/0000:00:1f.0/modalias:pci:v00008086d00002918")))
                .containsExactly("devices:1:1: 0000:00:1f.0: no built-in or loadable module has an alias matching"
                        + " \"pci:v00008086d00002918\"; left out of the plan");
    }

    @Covers(SEVERAL_MATCHES)
    @Test
    void severalMatchingModulesAreNamedWithTheOneTaken() {
        List<ImportIssue> issues = issues(dep(VIRTIO_DEP + "kernel/drivers/rtc/rtc-x.ko:\n")
                .withBuiltin(text("modules.builtin", "kernel/drivers/rtc/rtc-cmos.ko\n"))
                .withBuiltinModinfo(text("modules.builtin.modinfo", "rtc_cmos.alias=platform:rtc_cmos\0"))
                .withAliases(text("modules.alias", VIRTIO_ALIAS + "alias virtio:d00000002v* virtio_pci\nalias platform:rtc-cmos rtc_x\n"))
                .withDevices(text("devices", "/sys/devices/pci0000:00/0000:00:02.0/virtio1/modalias:virtio:d00000002v00001AF4\n"
                        + "/sys/devices/platform/rtc_cmos/modalias:platform:rtc_cmos\n")));
        assertThat(of(SEVERAL_MATCHES, issues)).containsExactly(
                "devices:1:1: virtio1: \"virtio:d00000002v00001AF4\" matches 2 modules (virtio_blk, virtio_pci); the plan"
                        + " binds it to virtio_blk (the first in modules.alias; kmod loads every one of them)",
                "devices:2:1: rtc_cmos: \"platform:rtc_cmos\" matches 2 modules (rtc_cmos (built in), rtc_x); the plan binds"
                        + " it to rtc_cmos (built in: it binds the device at its initcall, before udev runs kmod; the plan"
                        + " loads none of the others)");
    }

    @Covers(PARENT_LEFT_OUT)
    @Test
    void aChildOfALeftOutDeviceHangsFromTheNextAncestorInThePlan() {
        assertThat(of(PARENT_LEFT_OUT, devices(VIRTIO_ALIAS,
                "/sys/devices/pci0000:00/0000:00:02.0/modalias:pci:v00001AF4d00001042",
                "/sys/devices/pci0000:00/0000:00:02.0/bridge/modalias:acpi:NOPE:",
                "/sys/devices/pci0000:00/0000:00:02.0/bridge/virtio1/modalias:virtio:d00000002v00001AF4",
                "/sys/devices/pci0000:00/0000:00:1f.0/modalias:pci:v00008086d00002918",
                "/sys/devices/pci0000:00/0000:00:1f.0/virtio7/modalias:virtio:d00000002v00001AF4")))
                .containsExactly(
                        "devices:3:1: virtio1: its parent bridge (line 2) is not in the plan; it hangs from 0000:00:02.0 instead",
                        "devices:5:1: virtio7: its parent 0000:00:1f.0 (line 4) is not in the plan; it has no parent in the plan");
    }

    @Covers(VERSION_ASSUMED)
    @Test
    void theVersionIsAssumedWithoutAUsableRelease() {
        assertThat(of(VERSION_ASSUMED, issues(Options.defaults(), dep("kernel/a.ko:\n")))).containsExactly(
                "modules.dep:0:0: no kernel release given (the name of the /lib/modules/<release> directory, e.g."
                        + " 6.1.0-57-amd64) and the files do not hold one; the plan says 6.12");
        assertThat(of(VERSION_ASSUMED, issues(Options.defaults().withKernelRelease("linux"), dep("kernel/a.ko:\n"))))
                .containsExactly("modules.dep:0:0: \"linux\" is not a kernel release like 6.1.0-57-amd64; the plan says 6.12");
    }

    @Covers({LOG_MODULE_UNKNOWN, LOG_DEVICE_UNKNOWN, BUILTIN_NOT_IN_LOG})
    @Test
    void whatALogHoldsBeyondThePlanIsNamed() {
        List<ImportIssue> issues = LogMergeTests.merged().issues();
        assertThat(of(LOG_MODULE_UNKNOWN, issues)).containsExactly(
                "boot.dmesg:0:0: the log runs the init of 1 module(s) that modules.dep does not list (foo); their times are"
                        + " not used");
        assertThat(of(LOG_DEVICE_UNKNOWN, issues)).containsExactly(
                "boot.dmesg:0:0: the log probes 1 device(s) the plan does not hold (foo0); 0 µs of their probe time stay in"
                        + " the own time of the calls that ran them, the rest is not used");
        assertThat(of(BUILTIN_NOT_IN_LOG, issues)).containsExactly(
                "boot.dmesg:0:0: pcspkr is built in and has devices in the plan, but the log probes none of them in a"
                        + " built-in initcall; its initcall pcspkr_init is placed at the end of the device level");
    }

    @Covers(DRIVER_NAMED_BY_LOG)
    @Test
    void aDriverTheLogNamesTakesTheKernelsName() {
        assertThat(of(DRIVER_NAMED_BY_LOG, LogMergeTests.mergedWithDriverNames().issues())).containsExactly(
                "boot.dmesg:0:0: the log's driver core names the driver of virtio_pci's devices virtio-pci: the plan's"
                        + " driver virtio_pci (named after its module) takes that name");
    }

    /** The issues of an import that fails, with the failure's message checked. */
    private static List<ImportIssue> refused(Options options, Inputs in) {
        ImportFailedException e = org.assertj.core.api.Assertions.catchThrowableOfType(ImportFailedException.class,
                () -> issues(options, in));
        assertThat(e).as("the import fails").isNotNull()
                .hasMessage("\"modules.dep\" and the files with it give a plan /api/v1/evaluations would refuse");
        return e.issues();
    }

    @Covers(DEPENDENCY_CYCLE)
    @Test
    void aDependencyCycleFailsTheImportWhereItCloses() {
        List<ImportIssue> issues = refused(OPTIONS, dep("kernel/a.ko: kernel/b.ko\nkernel/b.ko: kernel/c.ko\n"
                + "kernel/c.ko: kernel/a.ko.xz\nkernel/d.ko: kernel/a.ko\n"));
        assertThat(of(DEPENDENCY_CYCLE, issues)).containsExactly("modules.dep:1:14: dependency cycle a -> b -> c -> a:"
                + " modprobe can load none of these modules, and /api/v1/evaluations refuses the plan; not imported");
        assertThat(issues).filteredOn(i -> i.severity() == IssueSeverity.error).hasSize(1);
    }

    @Covers(PLAN_OVER_LIMIT)
    @Test
    void aPlanOverTheEvaluationsLimitsFailsTheImportNamingEachSetting() {
        Options small = OPTIONS.withLimits(new ManifestLimits(1, 2, 1, 1));
        List<ImportIssue> issues = refused(small, dep(VIRTIO_DEP + "kernel/lib/crc32c.ko:\n")
                .withBuiltin(text("modules.builtin", "kernel/fs/ext4/ext4.ko\nkernel/fs/fat/fat.ko\n"))
                .withAliases(text("modules.alias", VIRTIO_ALIAS))
                .withDevices(text("devices", "/sys/devices/pci0000:00/0000:00:02.0/modalias:pci:v00001AF4d00001042\n"
                        + "/sys/devices/pci0000:00/0000:00:02.0/virtio1/modalias:virtio:d00000002v00001AF4\n")));
        assertThat(of(PLAN_OVER_LIMIT, issues)).containsExactly(
                "modules.dep:0:0: the plan has 3 modules; /api/v1/evaluations accepts at most 2"
                        + " (bootplan.limits.max-modules); not imported",
                "modules.builtin:0:0: the plan has 2 built-in initcalls; /api/v1/evaluations accepts at most 1"
                        + " (bootplan.limits.max-initcalls); not imported",
                "devices:0:0: the plan has 2 devices; /api/v1/evaluations accepts at most 1"
                        + " (bootplan.limits.max-devices); not imported",
                "devices:0:0: the plan has 2 drivers; /api/v1/evaluations accepts at most 1"
                        + " (bootplan.limits.max-drivers); not imported");
        // within the limits, the same files import
        assertThat(issues(OPTIONS.withLimits(new ManifestLimits(2, 3, 2, 2)), dep(VIRTIO_DEP + "kernel/lib/crc32c.ko:\n")))
                .noneMatch(i -> i.severity() == IssueSeverity.error);
    }

    @Covers(PLAN_REFUSED)
    @Test
    void anythingElseTheEvaluationWouldRefuseFailsTheImportWithItsPointer() {
        String name = "a".repeat(300);
        List<ImportIssue> issues = refused(OPTIONS, dep("kernel/" + name + ".ko:\nkernel/b.ko:\n"));
        assertThat(of(PLAN_REFUSED, issues)).containsExactly("modules.dep:0:0: /api/v1/evaluations would refuse the plan"
                + " at /modules/0/name: a module name \"" + "a".repeat(61) + "...\" is longer than 256 characters or has"
                + " surrounding spaces; not imported");
    }
}
