package dev.bootplan.json;

import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says why Jackson could not read a document: where (a JSON pointer built from the exception's path) and what, in
 * the client's terms: JSON types, never Java class names. The service's 400 problems and the command line's
 * messages are both made here.
 */
public final class JsonReadErrors {

    private JsonReadErrors() {}

    public static JsonReadError describe(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            return new JsonReadError(JsonReadError.Kind.LIMIT_EXCEEDED, "The document is nested too deeply or holds a "
                    + "string, name or number longer than this service accepts.", pointer(e), limitMessage(e));
        }
        if (e instanceof StreamReadException && !(e instanceof InputCoercionException)) {
            return new JsonReadError(JsonReadError.Kind.MALFORMED, "The body is not well-formed JSON" + at(e.getLocation())
                    + ".", pointer(e), plain(e.getOriginalMessage()));
        }
        return new JsonReadError(JsonReadError.Kind.SCHEMA_MISMATCH,
                "A value in the body has the wrong type or an unknown name.", pointer(e), message(e));
    }

    /** The RFC 6901 pointer of the exception's path; for a syntax error, of where the parser stood. */
    public static String pointer(JacksonException e) {
        if (!e.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JacksonException.Reference r : e.getPath()) {
                sb.append('/');
                sb.append(r.getPropertyName() != null ? escape(r.getPropertyName()) : Integer.toString(Math.max(r.getIndex(), 0)));
            }
            return sb.toString();
        }
        if (e.processor() instanceof JsonParser parser && parser.streamReadContext() != null) {
            return parser.streamReadContext().pathAsPointer().toString();
        }
        return "";
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String message(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field \"" + abbreviate(u.getPropertyName()) + "\"; expected one of: " + known(u.getKnownPropertyIds());
        }
        if (e instanceof InputCoercionException) {
            return "the number is out of range for an integer here";
        }
        if (e instanceof MismatchedInputException m) {
            String got = got(m);
            String msg = "expected " + expected(m.getTargetType()) + (got == null ? "" : ", got " + got);
            if (m.getTargetType() == String.class && got != null && got.startsWith("the number")) {
                msg += "; a time span needs a unit, e.g. \"5s\" or \"250ms\" (a bare number is ambiguous), and a size too, e.g. \"512KiB\"";
            }
            return msg;
        }
        return plain(e.getOriginalMessage());
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "" : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> t) {
        if (t == null) {
            return "a different kind of value";
        }
        if (t == String.class) {
            return "a string";
        }
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "an integer";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(t) || t.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String got(MismatchedInputException m) {
        if (m instanceof InvalidFormatException f && f.getValue() != null) {
            Object v = f.getValue();
            return v instanceof Number ? "the number " + v
                    : v instanceof Boolean ? String.valueOf(v)
                    : "the string \"" + abbreviate(String.valueOf(v)) + "\"";
        }
        JsonToken token = m.getCurrentToken();
        if (token == null && m.processor() instanceof JsonParser parser) {
            token = parser.currentToken();
        }
        if (token == null) {
            return null;
        }
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_STRING -> "a string";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> null;
        };
    }

    private static String at(TokenStreamLocation l) {
        return l == null || l.getLineNr() < 1 ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
    }

    /** Jackson's limit messages name its Java methods; keep the sentence, drop the "from `…`" tail. */
    private static String limitMessage(JacksonException e) {
        return plain(e.getOriginalMessage()).replaceAll(",? ?\\(?,? from `[^`]*`\\)?", ")").replace("))", ")");
    }

    private static String plain(String s) {
        String text = Objects.requireNonNullElse(s, "unreadable").strip();
        return abbreviate(text.lines().findFirst().orElse(text));
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 197) + "...";
    }
}
