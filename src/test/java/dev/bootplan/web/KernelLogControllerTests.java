package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class KernelLogControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void thePredictedLogIsADownloadInInitcallDebugFormat() throws Exception {
        String laptop = Files.readString(Path.of("examples/laptop.json"));
        MvcTestResult result = mvc.post().uri("/api/v1/evaluations/kernel-log?mode=sync")
                .contentType(MediaType.APPLICATION_JSON).content(laptop).exchange();
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_PLAIN);
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("attachment").contains("laptop-sync.dmesg");
        String log = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(log.lines()).allMatch(l -> l.matches("\\[ *\\d+\\.\\d{6}\\] .*"));
        assertThat(log).contains("] calling  acpi_init+0x0/0x100 @ 1\n")
                .contains("] calling  i915_init+0x0/0x1000 [i915] @ ")
                .containsPattern("probe of 0000:00:02\\.0 returned 0 after \\d+ usecs")
                .contains("Direct firmware load for iwlwifi-so-a0-gf-a0-89.ucode failed with error -2");
    }

    @Test
    void aBrokenManifestIsStillAProblemNotALog() {
        MvcTestResult result = mvc.post().uri("/api/v1/evaluations/kernel-log").contentType(MediaType.APPLICATION_JSON)
                .content("{\"kernel\":{\"version\":\"six\"}}").exchange();
        assertThat(result).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
