package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@SpringBootTest
@AutoConfigureMockMvc
class AdviceControllerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    private static String example(String name) throws Exception {
        return Files.readString(Path.of("examples/" + name + ".json"));
    }

    private JsonNode advise(String body) throws Exception {
        MvcTestResult r = mvc.post().uri("/api/v1/advice").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertThat(r).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        return EvaluationControllerTests.json(r);
    }

    private static List<String> texts(JsonNode advice) {
        return advice.path("lines").values().stream().map(l -> l.path("text").asString("")).toList();
    }

    @Test
    void storageServerAdviceRecoversEveryDiskSyncLosesAndNamesItsLines() throws Exception {
        JsonNode a = advise(example("storage-server"));
        int total = 313;
        JsonNode sync = a.path("modes").get(0);
        assertThat(sync.path("mode").asString()).isEqualTo("sync");
        assertThat(sync.path("failed").asInt()).isEqualTo(182);
        assertThat(a.path("after").path("bound").asInt()).isEqualTo(total);
        assertThat(texts(a)).contains("options mpt3sas async_probe=1", "options nvme async_probe=1",
                "options scsi_transport_sas async_probe=1", "options raid_class async_probe=1");
        long settled = a.path("after").path("milestones").path("allDevicesSettledUs").asLong();
        long bestMode = a.path("modes").values().stream().mapToLong(m -> m.path("allDevicesSettledUs").asLong()).min().orElseThrow();
        assertThat(settled).isLessThanOrEqualTo(bestMode).isEqualTo(12_990_560L);
        assertThat(a.path("before").path("milestones").path("allDevicesSettledUs").asLong()).isEqualTo(29_957_280L);
    }

    @Test
    void eachStorageServerLineAppliedAlonePostedAsAnEvaluationGivesTheGainClaimed() throws Exception {
        String manifest = example("storage-server");
        JsonNode a = advise(manifest);
        assertThat(a.path("lines").values()).isNotEmpty();
        for (JsonNode line : a.path("lines").values()) {
            ObjectNode applied = applyLine((ObjectNode) JSON.readTree(manifest), line);
            MvcTestResult r = mvc.post().uri("/api/v1/evaluations?mode=async").contentType(MediaType.APPLICATION_JSON)
                    .content(JSON.writeValueAsString(applied)).exchange();
            assertThat(r).hasStatusOk();
            JsonNode report = EvaluationControllerTests.json(r);
            assertThat(report.path("milestones")).as(line.path("text").asString()).isEqualTo(line.path("alone").path("milestones"));
            long bound = report.path("devices").values().stream().filter(d -> d.path("state").asString().equals("bound")).count();
            assertThat(bound).isEqualTo(line.path("alone").path("bound").asLong());
            long before = a.path("before").path("milestones").path("allDevicesSettledUs").asLong();
            assertThat(before - report.path("milestones").path("allDevicesSettledUs").asLong())
                    .isEqualTo(line.path("gainAloneUs").asLong());
        }
    }

    @Test
    void laptopsDriverAsyncProbeMistakeIsReplacedAndIwlwifisFirmwareRiskNamedNotWorsened() throws Exception {
        JsonNode a = advise(example("laptop"));
        assertThat(texts(a)).noneMatch(t -> t.contains("sd_mod"));
        JsonNode driverLine = a.path("lines").values().stream()
                .filter(l -> l.path("subject").asString().equals("driver_async_probe")).findFirst().orElseThrow();
        assertThat(driverLine.path("removes").values().stream().map(r -> r.path("text").asString()).toList())
                .containsExactly("driver_async_probe=sd_mod");
        assertThat(driverLine.path("text").asString()).isEqualTo("driver_async_probe=pcieport,i8042");
        assertThat(texts(a)).contains("options snd_hda_intel async_probe=0").doesNotContain("options iwlwifi async_probe=1");
        assertThat(a.path("remainingRisks").values().stream().map(JsonNode::asString).toList())
                .anyMatch(r -> r.startsWith("FIRMWARE_UNAVAILABLE iwlwifi") && r.contains("iwlwifi-so-a0-gf-a0-89.ucode"));
        assertThat(a.path("after").path("failed").asInt()).isLessThanOrEqualTo(a.path("before").path("failed").asInt());
        assertThat(a.path("after").path("risksTaken").asInt()).isLessThan(a.path("before").path("risksTaken").asInt());
        JsonNode broad = a.path("assessments").get(0);
        assertThat(broad.path("text").asString()).isEqualTo("module.async_probe=1");
        assertThat(broad.path("safe").asBoolean()).isFalse();
        assertThat(broad.path("reasons").get(0).asString()).contains("iwlwifi", "snd_hda_intel");
    }

    @Test
    void embeddedBoardKeepsItsHazardousBuiltInsSynchronousAndSaysWhy() throws Exception {
        JsonNode a = advise(example("embedded-arm-board"));
        String list = texts(a).stream().filter(t -> t.startsWith("driver_async_probe=")).findFirst().orElseThrow();
        List<String> names = Arrays.asList(list.substring("driver_async_probe=".length()).split(","));
        assertThat(names).doesNotContain("brcmfmac", "hci_uart_bcm", "v3d", "*");
        JsonNode star = a.path("assessments").get(1);
        assertThat(star.path("text").asString()).isEqualTo("driver_async_probe=*");
        assertThat(star.path("safe").asBoolean()).isFalse();
        assertThat(star.path("reasons").get(0).asString()).contains("brcmfmac", "hci_uart_bcm", "v3d");
        assertThat(a.path("search").path("provedBest").asBoolean()).isTrue();
    }

    @Test
    void badGoalAndHeadroomAre400NamingTheParameter() throws Exception {
        for (String query : List.of("goal=fast", "headroom=-5", "maxEvaluations=0")) {
            MvcTestResult r = mvc.post().uri("/api/v1/advice?" + query).contentType(MediaType.APPLICATION_JSON)
                    .content(Manifests.MINIMAL).exchange();
            assertThat(r).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void invalidManifestIs422ListingEveryViolation() throws Exception {
        MvcTestResult r = mvc.post().uri("/api/v1/advice").contentType(MediaType.APPLICATION_JSON)
                .content(Manifests.FIVE_MISTAKES).exchange();
        assertThat(r).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(EvaluationControllerTests.json(r).path("violations").values()).hasSize(5);
    }

    @Test
    void adviceIsDrawnAsSvgAndAsAPageWithTheLinesInACopyableBlock() throws Exception {
        String body = example("storage-server");
        MvcTestResult svg = mvc.post().uri("/api/v1/advice").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType("image/svg+xml")).content(body).exchange();
        assertThat(svg).hasStatusOk().hasContentTypeCompatibleWith("image/svg+xml");
        assertThat(svg.getResponse().getContentAsString(StandardCharsets.UTF_8)).startsWith("<svg").contains("with the advice");
        MvcTestResult html = mvc.post().uri("/api/v1/advice").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_HTML).content(body).exchange();
        assertThat(html).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(html.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("<pre class=\"ship\">", "options mpt3sas async_probe=1", "class=\"risk\"");
    }

    /** The line applied to the manifest as a person would: what it replaces taken out, then the line added. */
    static ObjectNode applyLine(ObjectNode manifest, JsonNode line) {
        ObjectNode kernel = (ObjectNode) manifest.path("kernel");
        List<String> cmd = new ArrayList<>(words(kernel.path("cmdline").asString("")));
        for (JsonNode r : line.path("removes").values()) {
            if (r.path("where").asString().equals("kernel-cmdline")) {
                cmd.remove(r.path("text").asString());
            } else {
                String[] p = r.path("text").asString().split(" ", 3);
                ObjectNode m = module(manifest, p[1]);
                List<String> opts = new ArrayList<>(words(m.path("options").asString("")));
                opts.remove(p[2]);
                m.put("options", String.join(" ", opts));
            }
        }
        String text = line.path("text").isNull() ? null : line.path("text").asString();
        if (text != null && line.path("where").asString().equals("kernel-cmdline")) {
            cmd.add(text);
        } else if (text != null) {
            String[] p = text.split(" ", 3);
            ObjectNode m = module(manifest, p[1]);
            String opts = m.path("options").asString("").strip();
            m.put("options", opts.isEmpty() ? p[2] : opts + " " + p[2]);
        }
        kernel.put("cmdline", String.join(" ", cmd));
        return manifest;
    }

    private static ObjectNode module(ObjectNode manifest, String name) {
        for (JsonNode m : (ArrayNode) manifest.path("modules")) {
            if (m.path("name").asString().replace('-', '_').equals(name)) {
                return (ObjectNode) m;
            }
        }
        throw new IllegalArgumentException("no module " + name);
    }

    private static List<String> words(String s) {
        return Arrays.stream(s.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
