package dev.bootplan.gate.rules;

import dev.bootplan.gate.GateInputException;
import dev.bootplan.gate.GateProblem;
import dev.bootplan.gate.input.JsonProblems;
import dev.bootplan.gate.input.SourceLocations;
import dev.bootplan.json.BootPlanJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a rules file, YAML or JSON (a document that starts with '{' is read as JSON), strictly: an unknown key, a
 * value of the wrong type, an unknown rule type, milestone, finding code or severity, a duplicate key, a bare number
 * where a time span belongs. Every error names the file, line and column (Jackson's token location) and the JSON
 * pointer. The schema in {@code schemas/gate-rules.schema.json} says the same for editors.
 */
public final class RulesReader {

    private static final ObjectMapper JSON = strict(JsonMapper.builder()).build();
    private static final ObjectMapper YAML = strict(YAMLMapper.builder()).build();

    private RulesReader() {}

    public static GateRules read(String source, String text) {
        if (text == null || text.isBlank()) {
            throw new GateInputException(GateInputException.Part.rules, new GateProblem(source, 1, 1, null, "the rules file is empty"));
        }
        ObjectMapper mapper = text.stripLeading().startsWith("{") ? JSON : YAML;
        GateRules rules;
        try {
            rules = mapper.readValue(text, GateRules.class);
        } catch (JacksonException e) {
            GateProblem p = JsonProblems.of(source, e);
            throw new GateInputException(GateInputException.Part.rules, p.pointer() == null ? p : placed(mapper, text, p));
        }
        List<GateProblem> problems = new ArrayList<>();
        if (rules == null || rules.rules().isEmpty()) {
            problems.add(new GateProblem(source, null, null, "", "a rules file needs \"rules\", a non-empty list"));
        } else {
            for (int i = 0; i < rules.rules().size(); i++) {
                Rule r = rules.rules().get(i);
                String at = "/rules/" + i;
                if (r == null) {
                    problems.add(new GateProblem(source, null, null, at, "a rule must be an object with a \"type\""));
                    continue;
                }
                r.problems().forEach(m -> problems.add(new GateProblem(source, null, null, at, m)));
            }
        }
        if (!problems.isEmpty()) {
            throw new GateInputException(GateInputException.Part.rules,
                    problems.stream().map(p -> placed(mapper, text, p)).toList());
        }
        return rules;
    }

    /**
     * The problem at the line and column where its pointer's key or element starts. Jackson reports some errors where
     * it noticed them (an unknown key of a record at the object's end); the pointer says where the mistake is.
     */
    private static GateProblem placed(ObjectMapper mapper, String text, GateProblem p) {
        var at = SourceLocations.of(mapper, text, Set.of(p.pointer())).get(p.pointer());
        return at == null ? p : new GateProblem(p.source(), at.line(), at.column(), p.pointer(), p.message());
    }

    /** The project's strict reading, and stricter still for a small hand-written file: no nulls for numbers, nothing after it. */
    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B strict(B b) {
        return BootPlanJson.strictAny(b)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }
}
