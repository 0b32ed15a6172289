package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * POST /api/v1/imports/dmesg/calibrations: two boots of the QEMU machine in, the fitted plan and each boot's replay out.
 * The fit replays both boots about 200 times (3.8 s on this 2-core machine under a load of 14): the test allows it more
 * than the default 10 s deadline, as a deployment that calibrates would.
 */
@SpringBootTest(properties = "bootplan.limits.request-deadline=60s")
@AutoConfigureMockMvc
class CalibrationControllerTests {

    private static final Path DIR = Path.of("src/test/resources/dmesg/qemu-debian61");

    @Autowired
    MockMvcTester mvc;

    private static MockMultipartFile log(String file) throws Exception {
        return new MockMultipartFile("log", file, "text/plain", Files.readAllBytes(DIR.resolve(file)));
    }

    @Test
    void twoBootsGiveTheFittedSharesAndHowEachBootReplays() throws Exception {
        MvcTestResult result = mvc.post().uri("/api/v1/imports/dmesg/calibrations?name=qemu").multipart()
                .file(log("mixed-sync.dmesg")).file(log("mixed-drvasync.dmesg")).exchange();
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.plan.name").isEqualTo("qemu");
        assertThat(result).bodyJson().extractingPath("$.shares[?(@.driver == 'e1000')].cpuPercent").asArray().containsExactly(88);
        assertThat(result).bodyJson().extractingPath("$.boots[1].source").isEqualTo("mixed-drvasync.dmesg");
        assertThat(result).bodyJson().extractingPath("$.boots[1].observedUs").isEqualTo(4_120_972);
        assertThat(result).bodyJson().extractingPath("$.boots[1].beforeUs").isEqualTo(3_891_836);
        assertThat(result).bodyJson().extractingPath("$.boots[1].afterUs").isEqualTo(4_120_828);
        assertThat(result).bodyJson().extractingPath("$.boots[1].errorPercent").isEqualTo(-0.0035);
        assertThat(result).bodyJson().extractingPath("$.plan.devices[?(@.name == '0000:00:08.0')].cpuPercent").asArray()
                .containsExactly(88);
    }

    @Test
    void oneLogIsNotACalibration() throws Exception {
        MvcTestResult result = mvc.post().uri("/api/v1/imports/dmesg/calibrations").multipart().file(log("mixed-sync.dmesg"))
                .exchange();
        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("a calibration takes 2 to 8 logs");
    }
}
