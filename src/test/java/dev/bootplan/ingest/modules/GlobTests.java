package dev.bootplan.ingest.modules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** modules.alias patterns match as fnmatch(pattern, modalias, 0) does, after depmod's and kmod's '-' to '_'. */
class GlobTests {

    private static boolean matches(String pattern, String modalias) {
        return Glob.compile(pattern).matches(Glob.normalize(modalias));
    }

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            virtio:d00000002v*                 | virtio:d00000002v00001AF4                      | true
            virtio:d00000002v*                 | virtio:d00000001v00001AF4                      | false
            pci:v00001AF4d*sv*sd*bc*sc*i*      | pci:v00001AF4d00001042sv00001AF4sd00001042bc01sc80i00 | true
            pci:v00001AF4d*sv*sd*bc*sc*i*      | pci:v00008086d00001042sv00001AF4sd00001042bc01sc80i00 | false
            *                                  | ''                                             | true
            a*b*c                              | abxxbyc                                        | true
            a*b*c                              | abxxbycd                                       | false
            */x                                | a/b/x                                          | true
            ab?d                               | abcd                                           | true
            ab?d                               | abd                                            | false
            ab?d                               | abccd                                          | false
            usb:v13FDp3940d0[0-2]*             | usb:v13FDp3940d0100                            | true
            usb:v13FDp3940d0[0-2]*             | usb:v13FDp3940d0300                            | false
            x[a-z]y                            | xqy                                            | true
            x[a-z]y                            | xQy                                            | false
            x[!x]y                             | xay                                            | true
            x[!x]y                             | xxy                                            | false
            x[^x]y                             | xxy                                            | false
            x[]]y                              | x]y                                            | true
            x[!]]y                             | x]y                                            | false
            x[[:digit:]]y                      | x7y                                            | true
            x[[:digit:]]y                      | xay                                            | false
            x[ab                               | x[ab                                           | true
            x\\*y                              | x*y                                            | true
            x\\*y                              | xay                                            | false
            platform:dw-apb-uart               | platform:dw_apb_uart                           | true
            platform:dw_apb_uart               | platform:dw-apb-uart                           | true
            x[_a]y                             | x-y                                            | true
            x[-a]y                             | x-y                                            | false
            """)
    void matchesLikeFnmatch(String pattern, String modalias, boolean expected) {
        assertThat(matches(pattern, modalias)).isEqualTo(expected);
    }

    @Test
    void aDashFirstInABracketIsAMemberAndARangeNeedsBothEnds() {
        // only reachable without normalisation: kmod turns every '-' of a modalias into '_'
        assertThat(Glob.compile("x[-a]y").matches("x-y")).isTrue();
        assertThat(Glob.compile("x[a-]y").matches("x-y")).isTrue();
        assertThat(Glob.compile("x[a-c]y").matches("x-y")).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            platform:dw-apb-uart | platform:dw_apb_uart
            usb:v1645p0007d01[0-2]*-x | usb:v1645p0007d01[0-2]*_x
            of:N*T*Cbrcm,bcm2835-sdhci | of:N*T*Cbrcm,bcm2835_sdhci
            """)
    void dashesBecomeUnderscoresOutsideBrackets(String in, String out) {
        assertThat(Glob.normalize(in)).isEqualTo(out);
    }
}
