package dev.bootplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapingTests {

    @Test
    void escapesMarkupAndBothQuotes() {
        assertThat(Escaping.escape("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void plainTextIsReturnedAsIs() {
        String s = "0000:03:00.0 mpt3sas µs → ✓";
        assertThat(Escaping.escape(s)).isSameAs(s);
    }

    @Test
    void nullIsEmpty() {
        assertThat(Escaping.escape(null)).isEmpty();
    }

    @Test
    void charactersXmlForbidsBecomeReplacementCharacters() {
        assertThat(Escaping.escape("a\u0000b\u001Bc\uFFFEd\uD800e\tf")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\tf");
    }

    @Test
    void surrogatePairsSurvive() {
        assertThat(Escaping.escape("<😀>")).isEqualTo("&lt;😀&gt;");
    }
}
