package dev.bootplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Over HTTP, the storage server's comparison picture and page say what its JSON says, in words. */
@SpringBootTest
@AutoConfigureMockMvc
class ComparisonVerdictTests {

    @Autowired
    MockMvcTester mvc;

    private String post(String accept, String body) throws Exception {
        return mvc.post().uri("/api/v1/comparisons").contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.ACCEPT, accept)
                .content(body).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theStorageServersGainAndLossReadTheSameInJsonSvgAndHtml() throws Exception {
        String storage = Files.readString(Path.of("examples/storage-server.json"));
        JsonNode summary = JsonMapper.builder().build().readTree(post("application/json", storage)).get("summary");
        assertThat(summary.get(1).get("mode").asString()).isEqualTo("async");
        assertThat(summary.get(1).get("gainVsSyncUs").asLong()).isEqualTo(190_367_120L);
        assertThat(summary.get(0).get("failed").asInt() + summary.get(0).get("notBound").asInt()).isEqualTo(182);
        String svg = post("image/svg+xml", storage);
        assertThat(svg).contains(">29.957 s · 190.367 s faster than sync</text>").contains(">182 sd devices lost</text>");
        String html = post("text/html", storage);
        assertThat(html).contains("Best: async — all 313 devices bound, settled at 29.957 s, 190.367 s faster than sync")
                .contains(">182 sd devices lost</span>");
        assertThat(html.indexOf("<section class=\"headline\"")).isLessThan(html.indexOf("<svg"));
    }
}
