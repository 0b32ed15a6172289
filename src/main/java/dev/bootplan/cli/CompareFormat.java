package dev.bootplan.cli;

import dev.bootplan.cli.Output.Writing;
import dev.bootplan.trace.DriverModules;
import dev.bootplan.trace.TraceExport;

/** What {@code compare} can write, each as POST /api/v1/comparisons sends it. A new format is one constant. */
enum CompareFormat {
    json((run, out) -> run.core().json().writeValue(out, run.comparison())),
    svg(Writing.text((run, out) -> run.core().useCases().pictures().comparisonSvg(run.comparison(), out))),
    html(Writing.text((run, out) -> run.core().useCases().pictures().comparisonPage(run.comparison(), out))),
    trace(Writing.text((run, out) -> TraceExport.comparison(run.comparison(), DriverModules.of(run.manifest()), out)));

    final Writing<CompareCommand.Run> writing;

    CompareFormat(Writing<CompareCommand.Run> writing) {
        this.writing = writing;
    }
}
