package dev.bootplan.gate.input;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON pointer → line and column in the text of a JSON document, read from Jackson's token locations in one streaming
 * pass (linear, no tree). A member is placed at its key, an array element at its first character. Only the pointers
 * asked for are kept, so a 100,000-device manifest costs one pass and a small map.
 */
public final class SourceLocations {

    /** 1-based line and column. */
    public record Place(int line, int column) {}

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    private SourceLocations() {}

    public static Map<String, Place> of(String json, Set<String> pointers) {
        return of(PLAIN, json, pointers);
    }

    /** The same for any format Jackson streams with contexts (YAML: {@code YAMLMapper}). */
    public static Map<String, Place> of(ObjectMapper mapper, String json, Set<String> pointers) {
        Map<String, Place> out = new HashMap<>();
        if (pointers.isEmpty()) {
            return out;
        }
        if (pointers.contains("")) {
            out.put("", new Place(1, 1));
        }
        try (JsonParser p = mapper.createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null && out.size() < pointers.size()) {
                TokenStreamContext ctx;
                if (t == JsonToken.PROPERTY_NAME) {
                    ctx = p.streamReadContext();
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                } else {
                    ctx = t.isStructStart() ? p.streamReadContext().getParent() : p.streamReadContext();
                    if (ctx == null || !ctx.inArray()) {
                        continue;
                    }
                }
                String pointer = ctx.pathAsPointer().toString();
                if (pointers.contains(pointer) && !out.containsKey(pointer)) {
                    TokenStreamLocation at = p.currentTokenLocation();
                    out.put(pointer, new Place(at.getLineNr(), at.getColumnNr()));
                }
            }
        } catch (JacksonException e) {
            // The document was read before (it is the input); a failure here only costs locations.
        }
        return out;
    }
}
