package dev.bootplan.gate.input;

import dev.bootplan.gate.GateProblem;
import dev.bootplan.gate.rules.TimeLimit;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** A Jackson error as a gate problem: the line and column Jackson's token location gives, the JSON pointer, plain words. */
public final class JsonProblems {

    private JsonProblems() {}

    public static GateProblem of(String source, JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        Integer line = at == null || at.getLineNr() < 1 ? null : at.getLineNr();
        Integer column = at == null || at.getColumnNr() < 1 ? null : at.getColumnNr();
        String pointer = e instanceof DatabindException ? pointer(e) : null;
        return new GateProblem(source, line, column, pointer, words(e));
    }

    private static String pointer(JacksonException e) {
        StringBuilder s = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            s.append('/');
            if (r.getPropertyName() != null) {
                s.append(r.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else {
                s.append(Math.max(r.getIndex(), 0));
            }
        }
        return s.toString();
    }

    private static String words(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key \"" + u.getPropertyName() + "\"" + (u.getKnownPropertyIds() == null ? ""
                    : "; known keys: " + u.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .filter(k -> !k.equals("type")).collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidTypeIdException t) {
            return t.getTypeId() == null ? "a rule needs a \"type\"" : "unknown rule type \"" + t.getTypeId() + "\"";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            Object[] allowed = f.getTargetType().getEnumConstants();
            StringBuilder s = new StringBuilder("\"" + f.getValue() + "\" is not one of: ");
            for (int i = 0; i < allowed.length; i++) {
                s.append(i == 0 ? "" : ", ").append(allowed[i]);
            }
            return s.toString();
        }
        if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            Class<?> t = mi.getTargetType();
            if (t == TimeLimit.class) {
                return "a time span is a string with a unit, such as \"30s\" or \"250ms\" (a bare number is ambiguous)";
            }
            String expected = t == Integer.class || t == int.class || t == Long.class ? "an integer"
                    : t == Double.class || t == double.class ? "a number"
                    : t == String.class ? "a string"
                    : java.util.Collection.class.isAssignableFrom(t) ? "a list"
                    : t == Boolean.class || t == boolean.class ? "true or false" : null;
            if (expected != null) {
                return "expected " + expected + " here";
            }
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null && v.getCause().getMessage() != null) {
            return v.getCause().getMessage();
        }
        String m = e.getOriginalMessage();
        int cut = m.indexOf("\n at [");
        return cut > 0 ? m.substring(0, cut) : m;
    }
}
