package dev.bootplan.cli;

import dev.bootplan.cli.Output.Writing;
import dev.bootplan.trace.DriverModules;
import dev.bootplan.trace.TraceExport;

/**
 * What {@code evaluate} can write, each as the service sends it: {@code POST /api/v1/evaluations} as JSON, SVG or HTML,
 * {@code POST /api/v1/evaluations/kernel-log}, and {@code ?format=trace} (Chrome Trace Event JSON). A new format is one constant.
 */
enum EvaluateFormat {
    json((run, out) -> run.core().json().writeValue(out, run.report())),
    svg(Writing.text((run, out) -> run.core().useCases().pictures().timelineSvg(run.report(), out))),
    html(Writing.text((run, out) -> run.core().useCases().pictures().reportPage(run.report(), out))),
    log(Writing.text((run, out) -> out.write(run.kernelLog()))),
    trace(Writing.text((run, out) -> TraceExport.evaluation(run.report(), DriverModules.of(run.manifest()), out)));

    final Writing<EvaluateCommand.Run> writing;

    EvaluateFormat(Writing<EvaluateCommand.Run> writing) {
        this.writing = writing;
    }
}
