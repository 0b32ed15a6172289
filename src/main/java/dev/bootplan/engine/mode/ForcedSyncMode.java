package dev.bootplan.engine.mode;

public record ForcedSyncMode() implements ProbingMode {

    @Override
    public String name() {
        return "forced-sync";
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
