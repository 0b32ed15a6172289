package dev.bootplan.json;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The one definition of how this project reads and writes JSON, applied by Spring to the mapper the service uses
 * (config/JacksonConfiguration) and by the command line to its own ({@link #mapper()}), so both give the same bytes
 * and refuse the same bodies with the same messages.
 *
 * <p>Strict reading: a manifest is hand-written configuration, so a misspelt field or a number where a time span
 * belongs ({@code "probeTime": 5}, five what?) is refused naming the field, never silently ignored or coerced.
 */
public final class BootPlanJson {

    /** A manifest is at most ~5 levels deep; Jackson's default (500) only invites stack-eating bodies. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longer than any legitimate value (a command line is at most 4096) so the manifest's own messages still show. */
    public static final int MAX_STRING_LENGTH = 65_536;
    public static final int MAX_NAME_LENGTH = 256;
    public static final int MAX_NUMBER_LENGTH = 32;
    /**
     * Bytes. At least bootplan.limits.max-body-size (8 MiB by default), so that an oversize body gets the size
     * limit's own answer (413 over HTTP), not a parser error.
     */
    public static final long MAX_DOCUMENT_LENGTH = 8L << 20;

    private BootPlanJson() {}

    /** The parser's limits on one document. */
    public static JsonFactoryBuilder constrain(JsonFactoryBuilder factory) {
        return factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                .build());
    }

    /** Strict reading: unknown fields, duplicate fields and coercions between JSON types are errors. */
    public static JsonMapper.Builder strict(JsonMapper.Builder builder) {
        return strictAny(builder);
    }

    /** {@link #strict} for any of Jackson's mappers (the gate reads its rules as YAML or JSON). */
    public static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B strictAny(B builder) {
        return builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // {"name": "a", "name": "b"} is a mistake, not "the last one wins".
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    /** The mapper for callers without Spring: the same limits and the same strictness. */
    public static JsonMapper mapper() {
        JsonFactory factory = constrain(JsonFactory.builder()).build();
        return strict(JsonMapper.builder(factory)).build();
    }
}
