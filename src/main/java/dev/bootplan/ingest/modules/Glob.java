package dev.bootplan.ingest.modules;

import java.util.ArrayList;
import java.util.List;

/**
 * A modules.alias pattern, matched as libkmod matches it: {@code fnmatch(pattern, modalias, 0)} — {@code *}
 * any run of characters ('/' included), {@code ?} one character, {@code [...]} one character of a set
 * ({@code [a-z]} ranges, {@code [!x]} or {@code [^x]} negation, {@code []x]} a leading ']', {@code [[:alpha:]]}
 * classes), {@code \} quoting the next character; a '[' without its ']' is an ordinary character. Both sides
 * are first {@link #normalize normalised} as depmod and kmod do.
 */
final class Glob {

    /** One pattern element; each matches exactly one character except {@link Star}. */
    private sealed interface Token {}

    private record Literal(char c) implements Token {}

    private record Any() implements Token {}

    private record Star() implements Token {}

    private record Bracket(boolean negated, String members, String ranges, List<String> classes) implements Token {
        boolean test(char c) {
            boolean in = members.indexOf(c) >= 0 || classes.stream().anyMatch(k -> inClass(k, c));
            for (int i = 0; !in && i < ranges.length(); i += 2) {
                in = ranges.charAt(i) <= c && c <= ranges.charAt(i + 1);
            }
            return in != negated;
        }
    }

    private final String pattern;
    private final Token[] tokens;
    private final String literalPrefix;

    private Glob(String pattern, Token[] tokens, String literalPrefix) {
        this.pattern = pattern;
        this.tokens = tokens;
        this.literalPrefix = literalPrefix;
    }

    /** The pattern, normalised, ready to match normalised modaliases. */
    static Glob compile(String pattern) {
        String p = normalize(pattern);
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < p.length(); ) {
            char c = p.charAt(i);
            if (c == '*') {
                out.add(new Star());
                i++;
            } else if (c == '?') {
                out.add(new Any());
                i++;
            } else if (c == '\\' && i + 1 < p.length()) {
                out.add(new Literal(p.charAt(i + 1)));
                i += 2;
            } else if (c == '[') {
                int end = bracket(p, i, out);
                if (end < 0) {
                    out.add(new Literal('['));
                    i++;
                } else {
                    i = end;
                }
            } else {
                out.add(new Literal(c));
                i++;
            }
        }
        StringBuilder prefix = new StringBuilder();
        for (Token t : out) {
            if (!(t instanceof Literal(char c))) {
                break;
            }
            prefix.append(c);
        }
        return new Glob(pattern, out.toArray(Token[]::new), prefix.toString());
    }

    /**
     * '-' spelled '_' outside brackets: depmod stores alias patterns so ({@code underscores2()}) and kmod
     * normalises the looked-up modalias the same way ({@code alias_normalize()}), so "dw-apb-uart" and
     * "dw_apb_uart" match each other while a range such as {@code [0-9]} keeps its '-'.
     */
    static String normalize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inBracket = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                inBracket = true;
            } else if (c == ']') {
                inBracket = false;
            }
            out.append(c == '-' && !inBracket ? '_' : c);
        }
        return out.toString();
    }

    String pattern() {
        return pattern;
    }

    /** Whether a modalias already passed through {@link #normalize} matches. */
    boolean matches(String modalias) {
        if (!modalias.startsWith(literalPrefix)) {
            return false; // most of modules.alias is ruled out here, before any backtracking
        }
        // Classic glob matching: remember the last '*' and, on a mismatch, let it swallow one more character.
        int t = 0;
        int s = 0;
        int starT = -1;
        int starS = 0;
        while (s < modalias.length()) {
            if (t < tokens.length && !(tokens[t] instanceof Star) && one(tokens[t], modalias.charAt(s))) {
                t++;
                s++;
            } else if (t < tokens.length && tokens[t] instanceof Star) {
                starT = t++;
                starS = s;
            } else if (starT >= 0) {
                t = starT + 1;
                s = ++starS;
            } else {
                return false;
            }
        }
        while (t < tokens.length && tokens[t] instanceof Star) {
            t++;
        }
        return t == tokens.length;
    }

    private static boolean one(Token token, char c) {
        return switch (token) {
            case Literal l -> l.c() == c;
            case Any a -> true;
            case Bracket b -> b.test(c);
            case Star s -> throw new IllegalStateException("a star matches runs, not one character");
        };
    }

    /** Parses the bracket expression at {@code open}; returns the index after its ']', or -1 when it has none. */
    private static int bracket(String p, int open, List<Token> out) {
        int i = open + 1;
        boolean negated = i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^');
        if (negated) {
            i++;
        }
        StringBuilder members = new StringBuilder();
        StringBuilder ranges = new StringBuilder();
        List<String> classes = new ArrayList<>();
        boolean first = true;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == ']' && !first) {
                out.add(new Bracket(negated, members.toString(), ranges.toString(), List.copyOf(classes)));
                return i + 1;
            }
            first = false;
            if (c == '[' && i + 1 < p.length() && p.charAt(i + 1) == ':') {
                int close = p.indexOf(":]", i + 2);
                if (close > 0) {
                    classes.add(p.substring(i + 2, close));
                    i = close + 2;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < p.length()) {
                c = p.charAt(++i);
            }
            if (i + 2 < p.length() && p.charAt(i + 1) == '-' && p.charAt(i + 2) != ']') {
                char hi = p.charAt(i + 2);
                if (hi == '\\' && i + 3 < p.length()) {
                    hi = p.charAt(i + 3);
                    i++;
                }
                ranges.append(c).append(hi);
                i += 3;
            } else {
                members.append(c);
                i++;
            }
        }
        return -1;
    }

    private static boolean inClass(String name, char c) {
        return switch (name) {
            case "alpha" -> Character.isLetter(c) && c < 128;
            case "digit" -> c >= '0' && c <= '9';
            case "alnum" -> (Character.isLetterOrDigit(c)) && c < 128;
            case "upper" -> c >= 'A' && c <= 'Z';
            case "lower" -> c >= 'a' && c <= 'z';
            case "xdigit" -> Character.digit(c, 16) >= 0 && c < 128;
            case "space" -> c == ' ' || (c >= '\t' && c <= '\r');
            case "blank" -> c == ' ' || c == '\t';
            case "punct" -> c > ' ' && c < 127 && !Character.isLetterOrDigit(c);
            case "print" -> c >= ' ' && c < 127;
            case "graph" -> c > ' ' && c < 127;
            case "cntrl" -> c < ' ' || c == 127;
            default -> false; // an unknown class matches nothing, as in glibc
        };
    }

    @Override
    public String toString() {
        return pattern;
    }
}
