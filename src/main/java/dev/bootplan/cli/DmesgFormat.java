package dev.bootplan.cli;

import dev.bootplan.cli.Output.Writing;
import dev.bootplan.trace.DriverModules;
import dev.bootplan.trace.TraceExport;

/**
 * What {@code import dmesg} can write, each as POST /api/v1/imports/dmesg sends it: the import as JSON, or the
 * observed timeline as SVG or as a Chrome Trace Event download ({@code ?format=trace}). A new format is one constant.
 */
enum DmesgFormat {
    json((run, out) -> run.core().json().writeValue(out, run.imports())),
    svg(Writing.text((run, out) -> run.core().useCases().dmesg().draw(run.observed(), out))),
    trace(Writing.text((run, out) -> TraceExport.observed(run.observed(), out)));

    final Writing<ImportDmesgCommand.Run> writing;

    DmesgFormat(Writing<ImportDmesgCommand.Run> writing) {
        this.writing = writing;
    }

    /** Whether one answer can hold several logs (a JSON array); a picture shows one boot. */
    boolean holdsSeveral() {
        return this == json;
    }
}
