package dev.bootplan.gate.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GithubOutputTests {

    @Test
    void workflowCommandsAreEscapedAsTheActionsToolkitEscapesThem() {
        assertThat(GithubOutput.data("50% done\r\nnext")).isEqualTo("50%25 done%0D%0Anext");
        assertThat(GithubOutput.property("a:b,c%")).isEqualTo("a%3Ab%2Cc%25");
    }

    @Test
    void clientSuppliedNamesCannotMarkUpTheSummary() {
        assertThat(GithubOutput.md("a|b *c* [x](y)\n<img>")).isEqualTo("a\\|b \\*c\\* \\[x\\](y) \\<img\\>");
    }

    @Test
    void junitReplacesWhatXmlCannotHold() {
        assertThat(JUnitOutput.xml("disk\u0001a\u0000")).isEqualTo("disk\uFFFDa\uFFFD");
    }
}
