package dev.bootplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line answers what the service answers, byte for byte: every example in every format of evaluate and
 * compare, both imports and the check; and when the input is bad, it says on standard error what the service's problem
 * says, every field with its pointer, and exits 2.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CommandLineMatchesServiceTests {

    private static final Path RPI4 = Path.of("src/test/resources/dmesg/rpi4-k6.18-baseline-run1.dmesg");
    private static final Path DEBIAN = Path.of("src/test/resources/modules/debian-6.1.0-57-amd64");
    private static final Path VM = Path.of("src/test/resources/modules/firecracker-vm.modaliases");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("examples")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    static Stream<Arguments> evaluations() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (Path example : examples().toList()) {
            all.add(Arguments.of(example, "json", "sync", "/api/v1/evaluations", MediaType.APPLICATION_JSON_VALUE));
            all.add(Arguments.of(example, "json", "debug-force-all", "/api/v1/evaluations", MediaType.APPLICATION_JSON_VALUE));
            all.add(Arguments.of(example, "svg", "async", "/api/v1/evaluations", "image/svg+xml"));
            all.add(Arguments.of(example, "html", "forced-sync", "/api/v1/evaluations", MediaType.TEXT_HTML_VALUE));
            all.add(Arguments.of(example, "log", "async", "/api/v1/evaluations/kernel-log", MediaType.TEXT_PLAIN_VALUE));
            all.add(Arguments.of(example, "trace", "sync", "/api/v1/evaluations", MediaType.APPLICATION_JSON_VALUE));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} --format {1} --mode {2}")
    @MethodSource("evaluations")
    void evaluateWritesTheServicesBytes(Path example, String format, String mode, String path, String accept) throws Exception {
        MvcTestResult service = mvc.post().uri(path + "?mode=" + mode + (format.equals("trace") ? "&format=trace" : ""))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType(accept)).content(Files.readAllBytes(example)).exchange();
        assertThat(service).hasStatusOk();

        Cli cli = Cli.run("evaluate", example.toString(), "--mode", mode, "--format", format);

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out()).isEqualTo(service.getResponse().getContentAsByteArray());
    }

    @Test
    void overrideForceSyncIsTheServicesParameter() throws Exception {
        Path laptop = Path.of("examples/laptop.json");
        MvcTestResult service = mvc.post().uri("/api/v1/evaluations?mode=debug-force-all&overrideForceSync=true")
                .contentType(MediaType.APPLICATION_JSON).content(Files.readAllBytes(laptop)).exchange();

        Cli cli = Cli.run("evaluate", laptop.toString(), "-m", "debug-force-all", "--override-force-sync");

        assertThat(cli.out()).isEqualTo(service.getResponse().getContentAsByteArray());
    }

    static Stream<Arguments> comparisons() throws IOException {
        return examples().flatMap(e -> Stream.of(Arguments.of(e, "json", MediaType.APPLICATION_JSON_VALUE),
                Arguments.of(e, "svg", "image/svg+xml"), Arguments.of(e, "html", MediaType.TEXT_HTML_VALUE),
                Arguments.of(e, "trace", MediaType.APPLICATION_JSON_VALUE)));
    }

    @ParameterizedTest(name = "{0} --format {1}")
    @MethodSource("comparisons")
    void compareWritesTheServicesBytes(Path example, String format, String accept) throws Exception {
        MvcTestResult service = mvc.post().uri("/api/v1/comparisons" + (format.equals("trace") ? "?format=trace" : ""))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType(accept)).content(Files.readAllBytes(example)).exchange();
        assertThat(service).hasStatusOk();

        Cli cli = Cli.run("compare", example.toString(), "--format", format);

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).isEqualTo(service.getResponse().getContentAsByteArray());
    }

    static Stream<Arguments> advice() {
        return Stream.of(Arguments.of("examples/storage-server.json", "json", MediaType.APPLICATION_JSON_VALUE),
                Arguments.of("examples/laptop.json", "json", MediaType.APPLICATION_JSON_VALUE),
                Arguments.of("examples/laptop.json", "svg", "image/svg+xml"),
                Arguments.of("examples/embedded-arm-board.json", "html", MediaType.TEXT_HTML_VALUE));
    }

    @ParameterizedTest(name = "{0} --format {1}")
    @MethodSource("advice")
    void adviseWritesTheServicesBytes(String example, String format, String accept) throws Exception {
        MvcTestResult service = mvc.post().uri("/api/v1/advice?goal=allDevicesSettled&headroom=40&maxEvaluations=150")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.parseMediaType(accept))
                .content(Files.readAllBytes(Path.of(example))).exchange();
        assertThat(service).hasStatusOk();

        Cli cli = Cli.run("advise", example, "--goal", "allDevicesSettled", "--headroom", "40", "--max-evaluations", "150",
                "--format", format);

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).isEqualTo(service.getResponse().getContentAsByteArray());
    }

    @Test
    void aManifestOnStandardInputIsTheSameManifest() throws Exception {
        byte[] storage = Files.readAllBytes(Path.of("examples/storage-server.json"));
        MvcTestResult service = mvc.post().uri("/api/v1/evaluations?mode=sync").contentType(MediaType.APPLICATION_JSON)
                .content(storage).exchange();

        Cli cli = Cli.runWithInput(storage, "evaluate", "-", "--mode", "sync");

        assertThat(cli.out()).isEqualTo(service.getResponse().getContentAsByteArray());
    }

    @Test
    void importDmesgOfAFileIsTheFormUploadOfThatFile() throws Exception {
        MvcTestResult service = mvc.post().uri("/api/v1/imports/dmesg?name=rpi4").multipart()
                .file(new MockMultipartFile("log", RPI4.getFileName().toString(), "text/plain", Files.readAllBytes(RPI4)))
                .exchange();
        assertThat(service).hasStatusOk();

        Cli cli = Cli.run("import", "dmesg", RPI4.toString(), "--name", "rpi4");

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).isEqualTo(service.getResponse().getContentAsByteArray());
    }

    @Test
    void importDmesgFromStandardInputIsThePlainTextBody() throws Exception {
        byte[] log = Files.readAllBytes(RPI4);
        for (String format : List.of("json", "svg", "trace")) {
            MvcTestResult service = mvc.post().uri("/api/v1/imports/dmesg" + (format.equals("trace") ? "?format=trace" : ""))
                    .contentType(MediaType.TEXT_PLAIN)
                    .accept(format.equals("svg") ? MediaType.valueOf("image/svg+xml") : MediaType.APPLICATION_JSON)
                    .content(log).exchange();
            assertThat(service).hasStatusOk();

            Cli cli = Cli.runWithInput(log, "import", "dmesg", "-", "--format", format);

            assertThat(cli.exitCode()).as(cli.toString()).isZero();
            assertThat(cli.out()).as(format).isEqualTo(service.getResponse().getContentAsByteArray());
        }
    }

    @Test
    void severalLogsGiveAnArrayOfTheServicesImports(@TempDir Path dir) throws Exception {
        Path second = Files.copy(RPI4, dir.resolve("second.dmesg"));
        JsonNode first = JSON.readTree(service("rpi4-k6.18-baseline-run1.dmesg", "box-1"));
        JsonNode other = JSON.readTree(service("second.dmesg", "box-2"));

        Cli cli = Cli.run("import", "dmesg", RPI4.toString(), second.toString(), "--name", "box");

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(JSON.readTree(cli.out())).isEqualTo(JSON.createArrayNode().add(first).add(other));
    }

    private byte[] service(String file, String name) throws Exception {
        return mvc.post().uri("/api/v1/imports/dmesg?name=" + name).multipart()
                .file(new MockMultipartFile("log", file, "text/plain", Files.readAllBytes(RPI4))).exchange()
                .getResponse().getContentAsByteArray();
    }

    @Test
    void importModulesOfAReleaseDirectoryIsTheFormUploadOfItsFiles(@TempDir Path root) throws Exception {
        Path release = Files.createDirectories(root.resolve("6.1.0-57-amd64"));
        var upload = mvc.post().uri("/api/v1/imports/modules?kernelRelease=6.1.0-57-amd64").multipart();
        for (String file : List.of("modules.dep.gz", "modules.builtin.gz", "modules.builtin.modinfo.gz", "modules.alias.gz")) {
            Files.copy(DEBIAN.resolve(file), release.resolve(file));
            upload = upload.file(new MockMultipartFile(file.replace(".gz", ""), file, "application/gzip",
                    Files.readAllBytes(DEBIAN.resolve(file))));
        }
        MvcTestResult service = upload.file(new MockMultipartFile("modaliases", VM.getFileName().toString(), "text/plain",
                Files.readAllBytes(VM))).exchange();
        assertThat(service).hasStatusOk();

        Cli cli = Cli.run("import", "modules", release.toString(), "--modaliases", VM.toString());

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).isEqualTo(service.getResponse().getContentAsByteArray());
        assertThat(JSON.readTree(cli.out()).at("/summary/devicesInPlan").asInt()).isEqualTo(13);
    }

    @Test
    void importModulesOfNamedFilesWithALogIsTheFormUploadOfThem(@TempDir Path dir) throws Exception {
        Path dep = dir.resolve("modules.dep");
        Files.write(dep, gunzip(DEBIAN.resolve("modules.dep.gz")));
        MvcTestResult service = mvc.post().uri("/api/v1/imports/modules?kernelRelease=6.1.0-57-amd64&name=vm").multipart()
                .file(new MockMultipartFile("modules.dep", "modules.dep", "text/plain", Files.readAllBytes(dep)))
                .file(new MockMultipartFile("modaliases", VM.getFileName().toString(), "text/plain", Files.readAllBytes(VM)))
                .file(new MockMultipartFile("dmesg", RPI4.getFileName().toString(), "text/plain", Files.readAllBytes(RPI4)))
                .exchange();
        assertThat(service).hasStatusOk();

        Cli cli = Cli.run("import", "modules", dep.toString(), VM.toString(), "--dmesg", RPI4.toString(),
                "--kernel-release", "6.1.0-57-amd64", "--name", "vm");

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).isEqualTo(service.getResponse().getContentAsByteArray());
    }

    @Test
    void checkIsTheServicesPredictionAgainstTheLog(@TempDir Path dir) throws Exception {
        // The plan the log's own import builds, held against the log in two modes.
        byte[] imported = service(RPI4.getFileName().toString(), "rpi4");
        Path plan = dir.resolve("rpi4.json");
        Files.write(plan, JSON.writeValueAsBytes(JSON.readTree(imported).get("plan")));
        for (List<String> modeAndFormat : List.of(List.of("async", "json"), List.of("sync", "json"), List.of("async", "trace"))) {
            String mode = modeAndFormat.get(0);
            String format = modeAndFormat.get(1);
            MvcTestResult service = mvc.post().uri("/api/v1/imports/dmesg/checks?mode=" + mode + "&format=" + format).multipart()
                    .file(new MockMultipartFile("manifest", "rpi4.json", "application/json", Files.readAllBytes(plan)))
                    .file(new MockMultipartFile("log", RPI4.getFileName().toString(), "text/plain", Files.readAllBytes(RPI4)))
                    .exchange();
            assertThat(service).hasStatusOk();

            Cli cli = Cli.run("check", plan.toString(), RPI4.toString(), "--mode", mode, "--format", format);

            assertThat(cli.exitCode()).as(cli.toString()).isZero();
            assertThat(cli.out()).as(mode + " " + format).isEqualTo(service.getResponse().getContentAsByteArray());
        }
    }

    @Test
    void aManifestThatCannotBeSimulatedGivesTheServicesViolationsAndExit2() throws Exception {
        String broken = """
                {"kernel": {"version": "6.12"}, "drivers": [{"name": "d", "probeType": "sometimes"}],
                 "devices": [{"name": "x", "driver": "nope", "probeTime": "-1s"}]}""";
        JsonNode problem = problem("/api/v1/evaluations", broken, 422);

        Cli cli = Cli.runWithInput(broken.getBytes(StandardCharsets.UTF_8), "evaluate", "-");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(problem.get("violations").size()).isEqualTo(3);
        assertThat(cli.err()).contains("(invalid-manifest)");
        for (JsonNode v : problem.get("violations")) {
            assertThat(cli.err()).contains("  " + v.get("pointer").asString() + ": " + v.get("message").asString() + "\n");
        }
        assertThat(cli.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void jsonThatCannotBeReadGivesTheServicesMessageAndExit2() throws Exception {
        for (String bad : List.of("{\"kernel\": {\"version\": 6.12}}", "{\"kernel\": ", "{\"kernal\": {}}",
                "[".repeat(70) + "]".repeat(70))) {
            JsonNode problem = problem("/api/v1/comparisons", bad, 400);
            String slug = problem.get("type").asString().replace("https://bootplan.dev/problems/", "");

            Cli cli = Cli.runWithInput(bad.getBytes(StandardCharsets.UTF_8), "compare", "-");

            assertThat(cli.exitCode()).as(bad).isEqualTo(2);
            JsonNode v = problem.get("violations").get(0);
            assertThat(cli.err()).as(bad).contains("(" + slug + "): " + problem.get("detail").asString() + "\n")
                    .contains("  " + v.get("pointer").asString() + ": " + v.get("message").asString() + "\n");
        }
    }

    @Test
    void anUnknownModeIsTheServicesMessageAndExit2() throws Exception {
        MvcTestResult service = mvc.post().uri("/api/v1/evaluations?mode=fast").contentType(MediaType.APPLICATION_JSON)
                .content(Files.readAllBytes(Path.of("examples/laptop.json"))).exchange();
        String detail = JSON.readTree(service.getResponse().getContentAsByteArray()).get("detail").asString();

        Cli cli = Cli.run("evaluate", "examples/laptop.json", "--mode", "fast");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("bootplan evaluate: " + detail + "\n");
    }

    @Test
    void aLogThatHoldsNoBootGivesTheServicesIssuesAndExit2(@TempDir Path dir) throws Exception {
        byte[] binary = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0, 'x', 'y'};
        Path log = Files.write(dir.resolve("boot.bin"), binary);
        MvcTestResult service = mvc.post().uri("/api/v1/imports/dmesg").multipart()
                .file(new MockMultipartFile("log", "boot.bin", "application/octet-stream", binary)).exchange();
        assertThat(service).hasStatus(422);
        JsonNode issues = JSON.readTree(service.getResponse().getContentAsByteArray()).get("issues");

        Cli cli = Cli.run("import", "dmesg", log.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("(import-failed)").contains("  " + issues.get(0).get("text").asString() + "\n");
    }

    private JsonNode problem(String path, String body, int status) throws Exception {
        MvcTestResult result = mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertThat(result).hasStatus(status);
        return JSON.readTree(result.getResponse().getContentAsByteArray());
    }

    private static byte[] gunzip(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
