package dev.bootplan.cli;

import dev.bootplan.cli.Output.Writing;

/**
 * What {@code advise} can write: the advice as POST /api/v1/advice sends it (JSON, the before/after SVG, the page),
 * or only the lines to ship, ready to paste. A new format is one constant.
 */
enum AdviseFormat {
    json((run, out) -> run.core().json().writeValue(out, run.advice())),
    svg(Writing.text((run, out) -> run.core().useCases().pictures().adviceSvg(run.advice(), out))),
    html(Writing.text((run, out) -> run.core().useCases().pictures().advicePage(run.advice(), out))),
    lines(Writing.text((run, out) -> out.write(run.advice().shipText())));

    final Writing<AdviseCommand.Run> writing;

    AdviseFormat(Writing<AdviseCommand.Run> writing) {
        this.writing = writing;
    }
}
