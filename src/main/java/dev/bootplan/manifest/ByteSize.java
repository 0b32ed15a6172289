package dev.bootplan.manifest;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/** Sizes with a unit ("512KiB", "16G"; powers of 1024 as systemd's parse_size() reads them), to bytes. */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT](?:iB|B)?|B)");
    private static final Map<Character, Long> FACTORS =
            Map.of('B', 1L, 'K', 1L << 10, 'M', 1L << 20, 'G', 1L << 30, 'T', 1L << 40);

    private ByteSize() {}

    public static long parseBytes(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty; write a size such as \"512KiB\" or \"16GiB\"");
        }
        String s = text.strip();
        if (s.startsWith("-")) {
            throw new IllegalArgumentException("must not be negative (\"" + text + "\")");
        }
        var m = SIZE.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a size; write a number and a unit: B, KiB, MiB, GiB or TiB");
        }
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(FACTORS.get(m.group(2).charAt(0))));
        if (bytes.compareTo(BigDecimal.valueOf(1L << 50)) > 0) {
            throw new IllegalArgumentException("\"" + text + "\" is absurdly large");
        }
        return bytes.longValue();
    }
}
