package dev.bootplan.cli;

import dev.bootplan.cli.Output.Writing;

/** What {@code compare} can write, each as POST /api/v1/comparisons sends it. A new format is one constant. */
enum CompareFormat {
    json((run, out) -> run.core().json().writeValue(out, run.comparison())),
    svg(Writing.text((run, out) -> run.core().useCases().pictures().comparisonSvg(run.comparison(), out))),
    html(Writing.text((run, out) -> run.core().useCases().pictures().comparisonPage(run.comparison(), out)));

    final Writing<CompareCommand.Run> writing;

    CompareFormat(Writing<CompareCommand.Run> writing) {
        this.writing = writing;
    }
}
