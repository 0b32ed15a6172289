package dev.bootplan.gate;

import java.util.List;

/** The rules, the input, a baseline or the mode could not be read: exit code 2, never a pass. */
public final class GateInputException extends RuntimeException {

    /** Which argument of the gate was unreadable. */
    public enum Part {
        rules,
        input,
        baseline,
        mode
    }

    private final Part part;
    private final transient List<GateProblem> problems;

    public GateInputException(Part part, List<GateProblem> problems) {
        super(problems.getFirst().text() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.part = part;
        this.problems = List.copyOf(problems);
    }

    public GateInputException(Part part, GateProblem problem) {
        this(part, List.of(problem));
    }

    public Part part() {
        return part;
    }

    public List<GateProblem> problems() {
        return problems;
    }
}
