package dev.bootplan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bootplan.manifest.DeviceSpec;
import dev.bootplan.manifest.Manifest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/** The JsonMapper Spring MVC reads bodies with. (@AutoConfigureMockMvc only to share the web tests' context.) */
@SpringBootTest
@AutoConfigureMockMvc
class JacksonConfigurationTests {

    @Autowired
    JsonMapper mapper;

    @Autowired
    BootPlanProperties properties;

    @Test
    void numberWhereAStringBelongsIsNotCoerced() {
        assertThatThrownBy(() -> mapper.readValue("{\"probeTime\": 5}", DeviceSpec.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"probeTime\": 1.5}", DeviceSpec.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"probeTime\": true}", DeviceSpec.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void stringOrFractionWhereAnIntegerBelongsIsNotCoerced() {
        assertThatThrownBy(() -> mapper.readValue("{\"count\": \"5\"}", DeviceSpec.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"count\": 2.5}", DeviceSpec.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void unknownPropertyFails() {
        assertThatThrownBy(() -> mapper.readValue("{\"probTime\": \"5s\"}", DeviceSpec.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void duplicatePropertyFails() {
        assertThatThrownBy(() -> mapper.readValue("{\"name\": \"a\", \"name\": \"b\"}", Manifest.class))
                .isInstanceOf(StreamReadException.class);
    }

    @Test
    void wellTypedValuesStillRead() {
        DeviceSpec d = mapper.readValue("{\"name\": \"sda\", \"probeTime\": \"5s\", \"count\": 2, \"killable\": false}",
                DeviceSpec.class);
        assertThat(d.probeTime()).isEqualTo("5s");
        assertThat(d.count()).isEqualTo(2);
    }

    @Test
    void nestingDeeperThan64Fails() {
        String deep = "[".repeat(65) + "]".repeat(65);
        assertThatThrownBy(() -> mapper.readTree(deep)).isInstanceOf(StreamConstraintsException.class);
        mapper.readTree("[".repeat(64) + "]".repeat(64));
    }

    @Test
    void parserLimitsAreTightenedAndLeaveTheBodyLimitToTheFilter() {
        StreamReadConstraints c = mapper.tokenStreamFactory().streamReadConstraints();
        assertThat(c.getMaxNestingDepth()).isEqualTo(64);
        assertThat(c.getMaxStringLength()).isEqualTo(65_536);
        assertThat(c.getMaxNameLength()).isEqualTo(256);
        // Otherwise an oversize body would get a parser 400 instead of the filter's 413.
        assertThat(c.getMaxDocumentLength()).isGreaterThanOrEqualTo(properties.limits().maxBodySize().toBytes());
    }

    @Test
    void theCommandLinesMapperReadsAndWritesAsSpringsDoes() {
        JsonMapper cli = dev.bootplan.json.BootPlanJson.mapper();
        assertThat(cli.deserializationConfig().getDeserializationFeatures())
                .isEqualTo(mapper.deserializationConfig().getDeserializationFeatures());
        assertThat(cli.serializationConfig().getSerializationFeatures())
                .isEqualTo(mapper.serializationConfig().getSerializationFeatures());
        assertThat(cli.deserializationConfig().getStreamReadFeatures())
                .isEqualTo(mapper.deserializationConfig().getStreamReadFeatures());
        assertThat(cli.serializationConfig().getStreamWriteFeatures())
                .isEqualTo(mapper.serializationConfig().getStreamWriteFeatures());
        StreamReadConstraints mine = cli.tokenStreamFactory().streamReadConstraints();
        StreamReadConstraints spring = mapper.tokenStreamFactory().streamReadConstraints();
        assertThat(mine.getMaxNestingDepth()).isEqualTo(spring.getMaxNestingDepth());
        assertThat(mine.getMaxStringLength()).isEqualTo(spring.getMaxStringLength());
        assertThat(mine.getMaxNameLength()).isEqualTo(spring.getMaxNameLength());
        assertThat(mine.getMaxNumberLength()).isEqualTo(spring.getMaxNumberLength());
        assertThat(mine.getMaxDocumentLength()).isEqualTo(spring.getMaxDocumentLength());
    }

    @Test
    void formUploadsAreCappedWhereImportsAre(
            @Autowired org.springframework.boot.servlet.autoconfigure.MultipartProperties multipart) {
        // Otherwise a form upload of a large log would meet the multipart parser's limit first (1MB by default).
        assertThat(multipart.getMaxFileSize()).isEqualTo(properties.limits().maxImportSize());
        assertThat(multipart.getMaxRequestSize()).isEqualTo(properties.limits().maxImportSize());
    }
}
