package dev.bootplan.ingest.dmesg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written readers of the three hot formats agree with the regular expressions they replaced, on every
 * line of the real log and on seeded mutations of those lines (characters changed, inserted, dropped; numbers
 * lengthened past their field), read alone and in place after a stamp.
 */
class HotFormatsTests {

    private static final String FN = "(\\S+?)(?:\\+0x[0-9a-f]+/0x[0-9a-f]+)?(?: \\[([^\\]\\s]+)\\])?";
    private static final Pattern CALLING = Pattern.compile("calling  " + FN + " @ (\\d+)");
    private static final Pattern RETURNED = Pattern.compile("initcall " + FN + " returned (-?\\d+) after (\\d+) usecs");
    private static final Pattern PROBE = Pattern.compile("probe of (\\S+) returned (-?\\d+) after (\\d+) usecs");

    private static final List<String> MESSAGES = messages();
    private static final String ALPHABET = " \t+-/0123456789abcdefx[]@_.:xyzA\u00e9\r";

    private static List<String> messages() {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("src/test/resources/dmesg/rpi4-k6.18-baseline-run1.dmesg"))) {
                out.add(line.substring(line.indexOf(']') + 2));
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the regex reads, as a string to compare; "malformed" where a number does not fit its field. */
    private static String reference(Pattern p, String t) {
        Matcher m = p.matcher(t);
        if (!m.matches()) {
            return "null";
        }
        try {
            if (p == CALLING) {
                return new Message.Calling(m.group(1), m.group(2), Integer.parseInt(m.group(3))).toString();
            }
            if (p == RETURNED) {
                return new Message.Returned(m.group(1), m.group(2), Integer.parseInt(m.group(3)), Long.parseLong(m.group(4)))
                        .toString();
            }
            return new Message.Probe(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3))).toString();
        } catch (NumberFormatException e) {
            return "malformed";
        }
    }

    private static String hand(Pattern p, String t, int from) {
        try {
            Object o = p == CALLING ? HotFormats.calling(t, from) : p == RETURNED ? HotFormats.returned(t, from)
                    : HotFormats.probe(t, from);
            return String.valueOf(o);
        } catch (NumberFormatException e) {
            return "malformed";
        }
    }

    private static void agree(String t) {
        for (Pattern p : List.of(CALLING, RETURNED, PROBE)) {
            String expected = reference(p, t);
            assertThat(hand(p, t, 0)).as("%s on \"%s\"", p, t).isEqualTo(expected);
            // Read in place after a line's stamp, as the parser does: the same answer.
            assertThat(hand(p, "[    1.000000] " + t, 15)).as("%s after a stamp on \"%s\"", p, t).isEqualTo(expected);
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theReadersAgreeWithTheRegularExpressionsOnMutatedLines(long seed) {
        Random rnd = new Random(seed);
        for (int k = 0; k < 200; k++) {
            StringBuilder t = new StringBuilder(MESSAGES.get(rnd.nextInt(MESSAGES.size())));
            int edits = 1 + rnd.nextInt(3);
            for (int e = 0; e < edits && !t.isEmpty(); e++) {
                int at = rnd.nextInt(t.length());
                switch (rnd.nextInt(4)) {
                    case 0 -> t.setCharAt(at, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                    case 1 -> t.insert(at, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                    case 2 -> t.deleteCharAt(at);
                    default -> t.insert(at, "9999999999");
                }
            }
            agree(t.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "calling  a @ 1", "calling  a+0x0/0x10 @ 1", "calling  +0x0/0x10 @ 1", "calling  a+0x0/0x10+0x1/0x2 @ 1",
        "calling  a+0X0/0x10 @ 1", "calling  a+0x/0x10 @ 1", "calling  a [m] @ 412", "calling  a [] @ 1",
        "calling  a [m @ 1", "calling  a [m n] @ 1", "calling  a @ ", "calling  a @ 99999999999", "calling  a @ 1 ",
        "calling a @ 1", "initcall a returned 0 after 5 usecs", "initcall a [m] returned -19 after 5 usecs",
        "initcall a returned - after 5 usecs", "initcall a returned 0 after 5 usecs ", "initcall a returned 0 after -5 usecs",
        "probe of x returned 517 after 3 usecs", "probe of  returned 0 after 3 usecs", "probe of x\treturned 0 after 3 usecs",
        "probe of fe201000.serial:0.0 returned 0 after 15 usecs", "probe of x returned 0 after 99999999999999999999 usecs"
    })
    void theReadersAgreeOnTheEdges(String t) {
        agree(t);
    }

    @org.junit.jupiter.api.Test
    void theReadersAgreeOnEveryLineOfTheRealLog() {
        MESSAGES.forEach(HotFormatsTests::agree);
    }
}
