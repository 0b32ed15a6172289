package dev.bootplan.ingest;

import static dev.bootplan.ingest.InputIssueKind.*;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** What every import reads before its parser does: gzip opened, binary and quoted-printable refused, each exactly. */
class TextInputTests {

    /** The issue kinds a test asserts; {@link #everyCodeHasATest} checks that together they are all of them. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Covers {
        InputIssueKind[] value();
    }

    private static final String LOG = """
            [    0.500010] calling  serial8250_init+0x0/0x1b0 @ 1
            [    0.501253] initcall serial8250_init+0x0/0x1b0 returned 0 after 1243 usecs
            """;

    private static TextInput.Budget budget(long bytes) {
        return new TextInput.Budget(bytes, "bootplan.limits.max-import-size");
    }

    private static String read(String source, byte[] bytes, TextInput.Budget budget, boolean nulIsText) {
        try (Reader r = TextInput.open(source, new ByteArrayInputStream(bytes), budget, nulIsText)) {
            StringBuilder out = new StringBuilder();
            char[] buf = new char[4096];
            for (int n; (n = r.read(buf)) > 0; ) {
                out.append(buf, 0, n);
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(byte[] bytes) {
        return read("dmesg", bytes, budget(1 << 20), false);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The one issue of a refusal, as {@code source:line:col: message}, with its code. */
    private static String refusal(InputIssueKind kind, Runnable read) {
        String[] text = new String[1];
        assertThatThrownBy(read::run).isInstanceOfSatisfying(ImportFailedException.class, e -> {
            assertThat(e.issues()).hasSize(1);
            assertThat(e.issues().getFirst().kind()).isEqualTo(kind);
            assertThat(e.issues().getFirst().severity()).isEqualTo(IssueSeverity.error);
            text[0] = e.issues().getFirst().toString();
        });
        return text[0];
    }

    @Test
    void everyCodeHasATest() {
        Set<InputIssueKind> covered = Arrays.stream(TextInputTests.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class) && m.isAnnotationPresent(Covers.class))
                .flatMap(m -> Arrays.stream(m.getAnnotation(Covers.class).value()))
                .collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(InputIssueKind.class));
        assertThat(EnumSet.allOf(InputIssueKind.class)).extracting(InputIssueKind::code)
                .allMatch(c -> c.matches("[a-z]+(-[a-z]+)*")).doesNotHaveDuplicates();
    }

    @Test
    void textPassesThroughUnchanged() {
        assertThat(read(LOG.getBytes(UTF_8))).isEqualTo(LOG);
        assertThat(read(new byte[0])).isEmpty();
    }

    @Test
    void gzipIsReadAsWhatItHolds() {
        assertThat(read(gzip(LOG.getBytes(UTF_8)))).isEqualTo(LOG);
        // two members, as `cat a.gz b.gz` gives, are one text, as gunzip reads them
        byte[] twice = (new String(gzip(LOG.getBytes(UTF_8)), ISO_8859_1) + new String(gzip(LOG.getBytes(UTF_8)), ISO_8859_1))
                .getBytes(ISO_8859_1);
        assertThat(read(twice)).isEqualTo(LOG + LOG);
    }

    @Covers(DECOMPRESSED_TOO_LARGE)
    @Test
    void gzipThatDecompressesPastTheBudgetIsRefused() {
        byte[] bomb = gzip("x".repeat(200_000).getBytes(UTF_8)); // 200 KB of text in a few hundred bytes
        assertThat(bomb.length).isLessThan(1_000);
        assertThat(refusal(DECOMPRESSED_TOO_LARGE, () -> read("dmesg.gz", bomb, budget(100_000), false))).isEqualTo(
                "dmesg.gz:0:0: decompressed, the input is more than 100000 bytes, the import size limit"
                        + " (bootplan.limits.max-import-size); not imported");

        // the usual bomb, zeros (dd if=/dev/zero | gzip), ends sooner: its first kilobyte is binary
        assertThat(refusal(BINARY_INPUT, () -> read(gzip(new byte[200_000])))).startsWith("dmesg:0:0: the input is binary");

        byte[] text = gzip("x\n".repeat(30_000).getBytes(UTF_8));
        TextInput.Budget shared = budget(100_000);
        assertThat(read("modules.dep", text, shared, false)).hasSize(60_000);
        assertThat(refusal(DECOMPRESSED_TOO_LARGE, () -> read("modules.alias", text, shared, false))).isEqualTo(
                "modules.alias:0:0: decompressed, the input and the request's other inputs are more than 100000 bytes,"
                        + " the import size limit (bootplan.limits.max-import-size); not imported");
    }

    @Covers(BAD_GZIP)
    @Test
    void gzipThatDoesNotDecompressIsRefused() {
        byte[] notDeflate = {0x1f, (byte) 0x8b, 0x07, 0, 0, 0, 0, 0, 0, 0, 'x'};
        assertThat(refusal(BAD_GZIP, () -> read(notDeflate))).isEqualTo(
                "dmesg:0:0: the input starts like gzip (1f 8b) but does not decompress (Unsupported compression method);"
                        + " not imported");
        byte[] whole = gzip(LOG.repeat(50).getBytes(UTF_8));
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        assertThat(refusal(BAD_GZIP, () -> read(cut))).isEqualTo(
                "dmesg:0:0: the input starts like gzip (1f 8b) but does not decompress (Unexpected end of ZLIB input"
                        + " stream); not imported");
    }

    @Test
    void aFailingBodyInsideGzipStaysItsOwnFailure() {
        byte[] whole = gzip(LOG.repeat(2_000).getBytes(UTF_8));
        IOException tooLarge = new IOException("the request body is larger than 100 bytes");
        InputStream failing = new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                if (at == 100) {
                    throw tooLarge;
                }
                return whole[at++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at == 100) {
                    throw tooLarge;
                }
                int n = Math.min(len, 100 - at);
                System.arraycopy(whole, at, b, off, n);
                at += n;
                return n;
            }
        };
        assertThatThrownBy(() -> TextInput.open("dmesg", failing, budget(1 << 20), false)).isSameAs(tooLarge);
    }

    @Covers(BINARY_INPUT)
    @Test
    void nulBytesAreBinaryAndNothingOfThemIsEchoed() {
        byte[] elf = "\u007fELF\u0002\u0001\u0001\u0000\u0000\u0000\u0000\u0000".getBytes(ISO_8859_1);
        String issue = refusal(BINARY_INPUT, () -> read("modules.dep", elf, budget(1 << 20), false));
        assertThat(issue).isEqualTo("modules.dep:0:0: the input is binary, not text: its first 12 bytes hold 5 NUL"
                + " byte(s); not imported (gzip is decompressed, other compressions are not: decompress it, or send the text"
                + " itself)");
        // a NUL-separated format (modules.builtin.modinfo) takes NULs as the text they are
        byte[] modinfo = "ext4.alias=fs-ext4\0ext4.license=GPL\0".getBytes(UTF_8);
        assertThat(read("modules.builtin.modinfo", modinfo, budget(1 << 20), true)).isEqualTo(new String(modinfo, UTF_8));
    }

    @Covers(BINARY_INPUT)
    @Test
    void aHighShareOfBytesThatAreNotTextIsBinary() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = noise[i] == 0 ? 1 : noise[i]; // no NUL: the share decides
        }
        assertThat(refusal(BINARY_INPUT, () -> read("modules.builtin.modinfo", noise, budget(1 << 20), true)))
                .isEqualTo("modules.builtin.modinfo:0:0: the input is binary, not text: 550 of its first 1024 bytes are"
                        + " neither UTF-8 text nor white space; not imported (gzip is decompressed, other compressions are"
                        + " not: decompress it, or send the text itself)");
        byte[] xz = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 0, 4};
        assertThat(refusal(BINARY_INPUT, () -> read(xz))).startsWith("dmesg:0:0: the input is binary, not text");
        byte[] utf16 = "\uFEFF[    0.5] calling".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        assertThat(refusal(BINARY_INPUT, () -> read(utf16))).isEqualTo("dmesg:0:0: the input is UTF-16 text (it starts"
                + " with a UTF-16 byte-order mark), not UTF-8; convert it first (iconv -f UTF-16 -t UTF-8), it is not"
                + " imported");
    }

    @Test
    void coloursTabsAndAFewStrayBytesAreStillText() {
        String coloured = "\u001b[32m[    0.500010]\u001b[0m calling  serial8250_init+0x0/0x1b0 @ 1\n\tindented\r\n";
        assertThat(read(coloured.getBytes(UTF_8))).isEqualTo(coloured);
        byte[] latin1 = (LOG + "[    0.6] r\u00e9seau: caf\u00e9\n").getBytes(ISO_8859_1); // two bytes that are not UTF-8
        assertThat(read(latin1)).endsWith("r\ufffdseau: caf\ufffd\n");
    }

    @Covers(QUOTED_PRINTABLE)
    @Test
    void aQuotedPrintableLogIsRefusedNotDecoded() throws IOException {
        byte[] mail = Files.readAllBytes(Path.of("src/test/resources/ingest-hostile/rpi4-quoted-printable.dmesg"));
        assertThat(refusal(QUOTED_PRINTABLE, () -> read(mail))).isEqualTo("dmesg:1:76: the input is quoted-printable, a"
                + " mail transfer encoding: this line ends in a '=' soft line break, and its first 2061 bytes hold 17 such"
                + " break(s) and 6 '=3D', '=20' or '=09' escape(s); decode it first (python3 -m quopri -d), it is not"
                + " imported");
        byte[] short_ = "[    0.1] a: x=3D1 y=3D2 z=20=\n[    0.2] b\n".getBytes(UTF_8);
        assertThat(refusal(QUOTED_PRINTABLE, () -> read(short_))).startsWith("dmesg:1:30: the input is quoted-printable");
        // and the same, gzipped, is still what it is
        assertThat(refusal(QUOTED_PRINTABLE, () -> read(gzip(mail)))).startsWith("dmesg:1:76: ");
    }

    @Test
    void equalsSignsOfAPlainLogAreNotQuotedPrintable() {
        String log = """
                [    0.000000] Kernel command line: root=/dev/sda1 rootdelay=20 console=ttyS0,115200 quiet splash vt.handoff=
                [    1.396962] usb usb1: New USB device found, idVendor=1d6b, idProduct=0002, bcdDevice= 6.18
                [    1.400000] x: key=3D
                """;
        assertThat(read(log.getBytes(UTF_8))).isEqualTo(log);
    }

    @Test
    void issuesNeverEchoControlCharactersOrUndecodableBytes() {
        ImportIssue issue = new ImportIssue("a\u0007.dmesg", 3, 1, BINARY_INPUT, "\"ab\u0000c\u001b[2J\ufffd\u0085\" is odd");
        assertThat(issue).hasToString("a\\x07.dmesg:3:1: \"ab\\x00c\\x1b[2J\\ufffd\\x85\" is odd");
        assertThat(new ImportFailedException("\"x\u0000\" failed", java.util.List.of())).hasMessage("\"x\\x00\" failed");
    }

    @Test
    void errorsAreKeptPastTheIssueLimit() {
        Issues issues = new Issues("dmesg", 2);
        for (int i = 1; i <= 5; i++) {
            issues.add(i, 1, dev.bootplan.ingest.dmesg.DmesgIssueKind.NO_TIMESTAMP, "skipped");
        }
        issues.add(0, 0, BINARY_INPUT, "refused");
        assertThat(issues.list()).extracting(ImportIssue::line).containsExactly(1, 2, 0);
        assertThat(issues.dropped()).isEqualTo(3);
        assertThat(issues.hasErrors()).isTrue();
    }
}
