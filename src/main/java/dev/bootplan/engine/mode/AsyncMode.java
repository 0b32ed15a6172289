package dev.bootplan.engine.mode;

public record AsyncMode() implements ProbingMode {

    @Override
    public String name() {
        return "async";
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
