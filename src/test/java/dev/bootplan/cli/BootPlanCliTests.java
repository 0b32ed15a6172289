package dev.bootplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line's own behaviour: which arguments it takes, help, completion, files, limits and exit codes. */
class BootPlanCliTests {

    private static final String LAPTOP = "examples/laptop.json";

    @AfterEach
    void clearLimits() {
        for (String p : System.getProperties().stringPropertyNames()) {
            if (p.startsWith("bootplan.limits.")) {
                System.clearProperty(p);
            }
        }
    }

    @Test
    void theJarIsTheServiceWithoutArgumentsOrWithTheServicesOptions() {
        assertThat(BootPlanCli.wants(new String[0])).isFalse();
        assertThat(BootPlanCli.wants(new String[] {"--server.port=8081", "--bootplan.limits.max-devices=5"})).isFalse();
        assertThat(BootPlanCli.wants(new String[] {"evaluate", LAPTOP})).isTrue();
        assertThat(BootPlanCli.wants(new String[] {"evaluat"})).isTrue();
        assertThat(BootPlanCli.wants(new String[] {"--help"})).isTrue();
        assertThat(BootPlanCli.wants(new String[] {"-V"})).isTrue();
    }

    @Test
    void versionNamesTheToolAndTheJava() {
        Cli cli = Cli.run("--version");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.text()).startsWith("bootplan ").contains("Java " + Runtime.version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"evaluate", "compare", "import", "import dmesg", "import modules", "check", "completion"})
    void everyCommandHasHelp(String command) {
        Cli cli = Cli.run(Stream.concat(Stream.of(command.split(" ")), Stream.of("--help")).toArray(String[]::new));
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.text()).startsWith("Usage: bootplan " + command + " ");
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        Cli cli = Cli.run("--help");
        assertThat(cli.text()).contains("evaluate", "compare", "import", "check", "completion")
                .contains("Exit codes:", "0   the answer was written", "2   an input or an argument could not be read");
    }

    @Test
    void completionIsABashScriptThatKnowsTheCommandsModesAndFormats() {
        Cli cli = Cli.run("completion");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.text()).contains("complete -F _complete_bootplan")
                .contains("evaluate", "compare", "dmesg", "modules", "check")
                .contains("(\"sync\" \"async\" \"forced-sync\" \"debug-force-all\")")
                .contains("(\"json\" \"svg\" \"html\" \"log\" \"trace\")");
    }

    @Test
    void adviseLinesAreTheLinesToShipAndItsBoundsAreUsageErrors() {
        Cli lines = Cli.run("advise", "examples/storage-server.json", "--format", "lines");
        assertThat(lines.exitCode()).as(lines.toString()).isZero();
        assertThat(lines.text()).contains("options sd_mod async_probe=1").doesNotStartWith("{");
        Cli tooMany = Cli.run("advise", "examples/storage-server.json", "--max-evaluations", "2001");
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--max-evaluations must be a whole number from 1 to 2000");
        Cli badGoal = Cli.run("advise", "examples/storage-server.json", "--goal", "soon");
        assertThat(badGoal.exitCode()).isEqualTo(2);
        assertThat(badGoal.err()).contains("allDevicesSettled");
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageError() {
        assertThat(Cli.run("import").exitCode()).isEqualTo(2);
        Cli typo = Cli.run("evaluat", LAPTOP);
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("Did you mean: bootplan evaluate");
        assertThat(Cli.run("evaluate", LAPTOP, "--format", "png").exitCode()).isEqualTo(2);
    }

    @Test
    void outputFileHoldsWhatStandardOutputWould(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("laptop.svg");
        Cli toFile = Cli.run("evaluate", LAPTOP, "-f", "svg", "-o", svg.toString());
        assertThat(toFile.exitCode()).as(toFile.toString()).isZero();
        assertThat(toFile.out()).isEmpty();
        assertThat(Files.readAllBytes(svg)).isEqualTo(Cli.run("evaluate", LAPTOP, "-f", "svg").out());
    }

    @Test
    void aFailedCommandLeavesNoFileBehind(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.json");
        Cli cli = Cli.runWithInput("{\"kernel\": {}}".getBytes(), "evaluate", "-", "-o", report.toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void unreadableInputsAndUnwritableOutputsAreExit2WithoutAStackTrace(@TempDir Path dir) {
        Cli missing = Cli.run("evaluate", dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read ").contains("nope.json: no such file");

        Cli directory = Cli.run("check", LAPTOP, dir.toString());
        assertThat(directory.exitCode()).isEqualTo(2);
        assertThat(directory.err()).contains("it is a directory");

        Cli nowhere = Cli.run("evaluate", LAPTOP, "-o", dir.resolve("no/such/dir/out.json").toString());
        assertThat(nowhere.exitCode()).isEqualTo(2);
        assertThat(nowhere.err()).contains("cannot write ").contains("no such directory");

        for (Cli cli : new Cli[] {missing, directory, nowhere}) {
            assertThat(cli.err()).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    @Test
    void theServicesLimitsApplyAndSystemPropertiesOverrideThem() {
        System.setProperty("bootplan.limits.max-devices", "3");
        Cli tooMany = Cli.run("evaluate", LAPTOP);
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("(invalid-manifest)").contains("/devices: the plan has 12 devices (counts expanded); the limit is 3");

        System.clearProperty("bootplan.limits.max-devices");
        System.setProperty("bootplan.limits.max-body-size", "1KB");
        Cli tooLarge = Cli.run("evaluate", LAPTOP);
        assertThat(tooLarge.exitCode()).isEqualTo(2);
        assertThat(tooLarge.err()).contains("larger than the limit of 1024 bytes (bootplan.limits.max-body-size)");

        System.clearProperty("bootplan.limits.max-body-size");
        System.setProperty("bootplan.limits.max-events", "50");
        Cli tooLong = Cli.run("compare", LAPTOP);
        assertThat(tooLong.exitCode()).isEqualTo(2);
        assertThat(tooLong.err()).contains("more than 50 events").contains("(work-budget-exceeded)");

        System.setProperty("bootplan.limits.max-events", "lots");
        Cli notANumber = Cli.run("compare", LAPTOP);
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).contains("-Dbootplan.limits.max-events=lots is not a number");
    }

    @Test
    void importsSayWhatTheyCannotUse(@TempDir Path dir) throws Exception {
        Path stray = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        Cli unknown = Cli.run("import", "modules", stray.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("do not know what " + stray + " is");

        Cli noDep = Cli.run("import", "modules", dir.toString());
        assertThat(noDep.exitCode()).isEqualTo(2);
        assertThat(noDep.err()).contains("no modules.dep among");

        String log = "src/test/resources/dmesg/rpi4-k6.18-baseline-run1.dmesg";
        Cli twoPictures = Cli.run("import", "dmesg", log, log, "--format", "svg");
        assertThat(twoPictures.exitCode()).isEqualTo(2);
        assertThat(twoPictures.err()).contains("draws one boot; give one LOG");
    }
}
