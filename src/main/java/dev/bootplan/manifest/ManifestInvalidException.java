package dev.bootplan.manifest;

import java.util.List;

/** A well-formed manifest that cannot be simulated; carries every violation found, not just the first. */
public final class ManifestInvalidException extends RuntimeException {

    private final List<Violation> violations;

    public ManifestInvalidException(List<Violation> violations) {
        super(violations.size() + " problem(s) in the manifest, first: " + violations.getFirst().pointer() + " "
                + violations.getFirst().message());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
