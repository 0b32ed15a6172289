package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The limits an import answers for, set small: what gzip decompresses to counts against the import size limit, and
 * a plan over the evaluation's limits is refused by the import that built it, each naming its setting.
 */
@SpringBootTest(properties = {"bootplan.limits.max-import-size=64KB", "bootplan.limits.max-modules=2",
    "bootplan.limits.max-devices=1"})
@AutoConfigureMockMvc
class GzipImportLimitTests {

    @Autowired
    MockMvcTester mvc;

    private static MockMultipartFile part(String name, String file, byte[] content) {
        return new MockMultipartFile(name, file, "application/octet-stream", content);
    }

    @Test
    void aGzipBombIsRefusedNamingTheImportSizeLimit() throws IOException {
        byte[] bomb = DmesgImportControllerTests.gzip("[    0.100000] x\n".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        assertThat(bomb.length).isLessThan(65_536); // the body is within the limit; what it holds is 1.7 MB
        MvcTestResult result = mvc.post().uri("/api/v1/imports/dmesg").contentType(MediaType.TEXT_PLAIN).content(bomb)
                .exchange();
        assertThat(result).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://bootplan.dev/problems/import-failed");
        assertThat(result).bodyJson().extractingPath("$.issues[*].text").asArray().containsExactly("dmesg:0:0: decompressed,"
                + " the input is more than 65536 bytes, the import size limit (bootplan.limits.max-import-size); not imported");
    }

    @Test
    void theLimitIsForAllTheRequestsPartsTogether() throws IOException {
        byte[] dep = "kernel/a.ko:\n".getBytes(StandardCharsets.UTF_8);
        byte[] aliases = DmesgImportControllerTests.gzip("alias pci:v* a\n".repeat(3_000).getBytes(StandardCharsets.UTF_8));
        byte[] devices = DmesgImportControllerTests.gzip("pci:v00001AF4d00001042\n".repeat(1_000).getBytes(StandardCharsets.UTF_8));
        MvcTestResult result = mvc.post().uri("/api/v1/imports/modules").multipart()
                .file(part("modules.dep", "modules.dep", dep))
                .file(part("modules.alias", "modules.alias.gz", aliases))
                .file(part("modaliases", "modaliases.gz", devices)).exchange();
        assertThat(result).hasStatus(422);
        assertThat(result).bodyJson().extractingPath("$.issues[*].text").asArray().containsExactly("modaliases.gz:0:0:"
                + " decompressed, the input and the request's other inputs are more than 65536 bytes, the import size limit"
                + " (bootplan.limits.max-import-size); not imported");
    }

    @Test
    void aPlanOverTheEvaluationsLimitsIsRefusedByTheImport() {
        MvcTestResult result = mvc.post().uri("/api/v1/imports/modules?kernelRelease=6.1.0-57-amd64").multipart()
                .file(part("modules.dep", "modules.dep", "kernel/a.ko:\nkernel/b.ko:\nkernel/c.ko:\n"
                        .getBytes(StandardCharsets.UTF_8)))
                .file(part("modules.alias", "modules.alias", "alias pci:v* a\n".getBytes(StandardCharsets.UTF_8)))
                .file(part("modaliases", "modaliases", ("/sys/devices/pci0000:00/0000:00:02.0/modalias:pci:v1\n"
                        + "/sys/devices/pci0000:00/0000:00:03.0/modalias:pci:v2\n").getBytes(StandardCharsets.UTF_8)))
                .exchange();
        assertThat(result).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.issues[?(@.code == 'plan-over-limit')].text").asArray()
                .containsExactly(
                        "modules.dep:0:0: the plan has 3 modules; /api/v1/evaluations accepts at most 2"
                                + " (bootplan.limits.max-modules); not imported",
                        "modaliases:0:0: the plan has 2 devices; /api/v1/evaluations accepts at most 1"
                                + " (bootplan.limits.max-devices); not imported");
    }
}
