package dev.bootplan.cli;

import dev.bootplan.cli.Output.Writing;

/**
 * What {@code evaluate} can write, each as the service sends it: {@code POST /api/v1/evaluations} as JSON, SVG or HTML,
 * and {@code POST /api/v1/evaluations/kernel-log}. A new format is one constant.
 */
enum EvaluateFormat {
    json((run, out) -> run.core().json().writeValue(out, run.report())),
    svg(Writing.text((run, out) -> run.core().useCases().pictures().timelineSvg(run.report(), out))),
    html(Writing.text((run, out) -> run.core().useCases().pictures().reportPage(run.report(), out))),
    log(Writing.text((run, out) -> out.write(run.kernelLog())));

    final Writing<EvaluateCommand.Run> writing;

    EvaluateFormat(Writing<EvaluateCommand.Run> writing) {
        this.writing = writing;
    }
}
