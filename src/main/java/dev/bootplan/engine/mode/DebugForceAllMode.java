package dev.bootplan.engine.mode;

public record DebugForceAllMode() implements ProbingMode {

    @Override
    public String name() {
        return "debug-force-all";
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
