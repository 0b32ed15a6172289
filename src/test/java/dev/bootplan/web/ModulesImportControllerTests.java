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
}
