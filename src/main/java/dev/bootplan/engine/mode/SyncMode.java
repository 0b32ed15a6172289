package dev.bootplan.engine.mode;

public record SyncMode() implements ProbingMode {

    @Override
    public String name() {
        return "sync";
    }

    @Override
    public String tells() {
        return "TODO";
    }

    @Override
    public String rule() {
        return "TODO";
    }
}
