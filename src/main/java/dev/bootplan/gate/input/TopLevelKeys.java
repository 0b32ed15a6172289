package dev.bootplan.gate.input;

import dev.bootplan.gate.GateFile;
import dev.bootplan.gate.GateInputException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/** The keys of a JSON object's top level, read by streaming and skipping every value, so a document is recognised cheaply. */
final class TopLevelKeys {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    private TopLevelKeys() {}

    static List<String> of(String json, GateFile file, GateInputException.Part part) {
        List<String> keys = new ArrayList<>();
        try (JsonParser p = PLAIN.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return keys;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                keys.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
            if (t != JsonToken.END_OBJECT) {
                p.nextToken(); // let the parser say what is wrong
            }
        } catch (JacksonException e) {
            throw new GateInputException(part, JsonProblems.of(file.name(), e));
        }
        return keys;
    }
}
