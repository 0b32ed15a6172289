package dev.bootplan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that runs the core: built once its arguments have parsed, so that --help and usage errors stay cheap. */
abstract class CoreCommand implements Runnable, Streams.Aware {

    @Spec
    CommandSpec spec;

    private Streams streams;

    @Override
    public void use(Streams runStreams) {
        this.streams = runStreams;
    }

    @Override
    public final void run() {
        run(Core.fromSystemProperties(), spec.commandLine());
    }

    abstract void run(Core core, CommandLine command);

    Streams streams() {
        return streams;
    }

    Inputs inputs(Core core) {
        return new Inputs(streams, core.limits());
    }
}
