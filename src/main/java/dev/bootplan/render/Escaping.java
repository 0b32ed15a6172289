package dev.bootplan.render;

/**
 * The one place client text (driver, module, device and plan names, messages) is escaped before it goes into
 * SVG or HTML. The same escaping is safe in element content and in double- or single-quoted attribute values.
 * Characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return, lone surrogates,
 * U+FFFE/U+FFFF) become U+FFFD, so a hostile name can neither break out of markup nor make the document invalid.
 */
public final class Escaping {

    private Escaping() {}

    /** {@code text} escaped for XML/HTML text and quoted attribute values; {@code null} becomes the empty string. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        int i = 0;
        int n = text.length();
        while (i < n && plain(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n + 16).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (allowed(c)) {
                        out.append(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean plain(char c) {
        return c >= 0x20 && c < 0xD800 && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r'
                || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
