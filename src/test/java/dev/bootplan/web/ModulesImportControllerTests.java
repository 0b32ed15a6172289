package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.ObjectMapper;

/**
 * The module-metadata import over HTTP with a real Debian kernel's files (src/test/resources/modules/README.md) and
 * a real VM's devices: the plan it gives is a manifest the evaluation accepts in every mode.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ModulesImportControllerTests {

    private static final Path DEBIAN = Path.of("src/test/resources/modules/debian-6.1.0-57-amd64");
    private static final Path VM = Path.of("src/test/resources/modules/firecracker-vm.modaliases");
    private static final Path RPI4 = Path.of("src/test/resources/dmesg/rpi4-k6.18-baseline-run1.dmesg");

    @Autowired
    MockMvcTester mvc;

    private static byte[] gunzip(String file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(DEBIAN.resolve(file + ".gz")))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockMultipartFile part(String name, byte[] content) {
        return new MockMultipartFile(name, name, "text/plain", content);
    }

    private MvcTestResult importDebianOnTheVm() throws IOException {
        return mvc.post().uri("/api/v1/imports/modules?kernelRelease=6.1.0-57-amd64").multipart()
                .file(part("modules.dep", gunzip("modules.dep")))
                .file(part("modules.builtin", gunzip("modules.builtin")))
                .file(part("modules.builtin.modinfo", gunzip("modules.builtin.modinfo")))
                .file(part("modules.alias", gunzip("modules.alias")))
                .file(part("modaliases", Files.readAllBytes(VM))).exchange();
    }

    @Test
    void aWholeDebianKernelAndAMachinesDevicesGiveAPlanSkeleton() throws Exception {
        MvcTestResult result = importDebianOnTheVm();
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.summary.modules").isEqualTo(4023);
        assertThat(result).bodyJson().extractingPath("$.summary.builtinModules").isEqualTo(186);
        assertThat(result).bodyJson().extractingPath("$.summary.devicesListed").isEqualTo(27);
        assertThat(result).bodyJson().extractingPath("$.summary.devicesInPlan").isEqualTo(13);
        assertThat(result).bodyJson().extractingPath("$.summary.devicesUnmatched").isEqualTo(14);
        assertThat(result).bodyJson().extractingPath("$.plan.name").isEqualTo("modules-6.1.0-57-amd64");
        assertThat(result).bodyJson().extractingPath("$.plan.kernel.version").isEqualTo("6.1");
        assertThat(result).bodyJson().extractingPath("$.plan.devices[?(@.name == 'virtio1')].driver").asArray()
                .containsExactly("virtio_blk");
        assertThat(result).bodyJson().extractingPath("$.plan.modules[?(@.name == 'virtio_blk')].dependsOn").asArray()
                .containsExactly(java.util.List.of("virtio", "virtio_ring"));
    }

    @Test
    void thePlanEvaluatesInEveryMode() throws Exception {
        String json = importDebianOnTheVm().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String plan = new ObjectMapper().readTree(json).get("plan").toString();
        for (String mode : new String[] {"sync", "async", "forced-sync", "debug-force-all"}) {
            MvcTestResult evaluated = mvc.post().uri("/api/v1/evaluations?mode=" + mode).contentType(MediaType.APPLICATION_JSON)
                    .content(plan).exchange();
            assertThat(evaluated).as(mode).hasStatusOk();
            assertThat(evaluated).as(mode).bodyJson().extractingPath("$.devices[?(@.state != 'bound')]").asArray().isEmpty();
            assertThat(evaluated).as(mode).bodyJson().extractingPath("$.devices.length()").isEqualTo(13);
        }
    }

    @Test
    void modulesDepAloneAsPlainText() throws Exception {
        MvcTestResult result = mvc.post().uri("/api/v1/imports/modules?kernelRelease=6.1.0-57-amd64")
                .contentType(MediaType.TEXT_PLAIN).content(gunzip("modules.dep")).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.summary.modules").isEqualTo(4023);
        assertThat(result).bodyJson().extractingPath("$.summary.devicesInPlan").isEqualTo(0);
        assertThat(result).bodyJson().extractingPath("$.issues").asArray().isEmpty();
    }

    @Test
    void aDmesgOfTheSameMachineLendsItsTimesAndItsIssuesComeAlong() throws Exception {
        byte[] dep = "kernel/drivers/mmc/host/sdhci-iproc.ko.xz:\nkernel/drivers/i2c/busses/i2c-brcmstb.ko.xz:\n"
                .getBytes(StandardCharsets.UTF_8);
        MvcTestResult result = mvc.post().uri("/api/v1/imports/modules?kernelRelease=6.18.34+rpt-rpi-v8").multipart()
                .file(part("modules.dep", dep))
                .file(part("modules.alias", "alias of:N*T*Cbrcm,brcmstb-i2c* i2c_brcmstb\n".getBytes(StandardCharsets.UTF_8)))
                .file(part("modaliases", "/sys/devices/platform/soc/fef04500.i2c/modalias:of:Ni2cT(null)Cbrcm,brcmstb-i2c\n"
                        .getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("dmesg", "rpi4.dmesg", "text/plain", Files.readAllBytes(RPI4))).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.summary.moduleInitsFromLog").isEqualTo(1);
        assertThat(result).bodyJson().extractingPath("$.summary.probeTimesFromLog").isEqualTo(1);
        assertThat(result).bodyJson().extractingPath("$.summary.initcallsFromLog").isEqualTo(656);
        assertThat(result).bodyJson().extractingPath("$.plan.devices[0].name").isEqualTo("fef04500.i2c");
        assertThat(result).bodyJson().extractingPath("$.issues[?(@.code == 'truncated-start')].source").asArray()
                .containsExactly("rpi4.dmesg");
    }

    @Test
    void aModulesDepWithoutAModuleIsAnImportFailedProblem() {
        MvcTestResult result = mvc.post().uri("/api/v1/imports/modules").contentType(MediaType.TEXT_PLAIN).content("\n")
                .exchange();
        assertThat(result).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://bootplan.dev/problems/import-failed");
        assertThat(result).bodyJson().extractingPath("$.issues[?(@.code == 'nothing-to-import')]").asArray().hasSize(1);
    }

    @Test
    void aFormWithoutModulesDepIsABadRequestNamingThePart() {
        MvcTestResult result = mvc.post().uri("/api/v1/imports/modules").multipart()
                .file(part("modules.alias", "alias x y\n".getBytes(StandardCharsets.UTF_8))).exchange();
        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("modules.dep");
    }

    // Parts the import cannot read, and plans the evaluation would refuse: a 422 import-failed problem.

    private static byte[] gz(String file) throws IOException {
        return Files.readAllBytes(DEBIAN.resolve(file + ".gz"));
    }

    @Test
    void gzipPartsAreReadAsTheFilesTheyHold() throws Exception {
        MvcTestResult result = mvc.post().uri("/api/v1/imports/modules?kernelRelease=6.1.0-57-amd64").multipart()
                .file(new MockMultipartFile("modules.dep", "modules.dep.gz", "application/gzip", gz("modules.dep")))
                .file(new MockMultipartFile("modules.builtin", "modules.builtin.gz", "application/gzip", gz("modules.builtin")))
                .file(new MockMultipartFile("modules.builtin.modinfo", "modules.builtin.modinfo.gz", "application/gzip",
                        gz("modules.builtin.modinfo")))
                .file(new MockMultipartFile("modules.alias", "modules.alias.gz", "application/gzip", gz("modules.alias")))
                .file(part("modaliases", Files.readAllBytes(VM))).exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.summary.modules").isEqualTo(4023);
        assertThat(result).bodyJson().extractingPath("$.summary.builtinModules").isEqualTo(186);
        assertThat(result).bodyJson().extractingPath("$.summary.devicesInPlan").isEqualTo(13);
        assertThat(result).bodyJson().extractingPath("$.plan.devices[?(@.name == 'virtio1')].driver").asArray()
                .containsExactly("virtio_blk");
        MvcTestResult text = mvc.post().uri("/api/v1/imports/modules").contentType(MediaType.TEXT_PLAIN)
                .content(gz("modules.dep")).exchange();
        assertThat(text).hasStatusOk();
        assertThat(text).bodyJson().extractingPath("$.summary.modules").isEqualTo(4023);
    }

    @Test
    void aBinaryPartIsRefusedByNameAndNoneOfItIsEchoed() throws Exception {
        byte[] binary = "\u007fELF\u0002\u0001\u0001\u0000kernel/a.ko: \u0001\u0002\n".getBytes(StandardCharsets.ISO_8859_1);
        MvcTestResult result = mvc.post().uri("/api/v1/imports/modules").multipart()
                .file(part("modules.dep", "kernel/a.ko:\n".getBytes(StandardCharsets.UTF_8)))
                .file(part("modules.alias", binary)).exchange();
        assertThat(result).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://bootplan.dev/problems/import-failed");
        assertThat(result).bodyJson().extractingPath("$.issues[*].text").asArray().containsExactly("modules.alias:0:0: the"
                + " input is binary, not text: its first 24 bytes hold 1 NUL byte(s); not imported (gzip is decompressed,"
                + " other compressions are not: decompress it, or send the text itself)");
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("ELF")
                .doesNotContain("\\u0001");
        MvcTestResult dep = mvc.post().uri("/api/v1/imports/modules").contentType(MediaType.TEXT_PLAIN).content(binary)
                .exchange();
        assertThat(dep).hasStatus(422).bodyJson().extractingPath("$.issues[0].code").isEqualTo("binary-input");
    }

    @Test
    void aDependencyCycleIsRefusedWhereItCloses() {
        MvcTestResult result = mvc.post().uri("/api/v1/imports/modules?kernelRelease=6.1.0-57-amd64")
                .contentType(MediaType.TEXT_PLAIN).content("kernel/a.ko: kernel/b.ko\nkernel/b.ko: kernel/a.ko\n").exchange();
        assertThat(result).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://bootplan.dev/problems/import-failed");
        assertThat(result).bodyJson().extractingPath("$.issues[?(@.severity == 'error')].text").asArray().containsExactly(
                "modules.dep:1:14: dependency cycle a -> b -> a: modprobe can load none of these modules, and"
                        + " /api/v1/evaluations refuses the plan; not imported");
    }
}
