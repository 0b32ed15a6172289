package dev.bootplan.archfixture.gate;

import org.springframework.http.ResponseEntity;

/** Deliberately wrong: a "gate" class that answers HTTP. ArchitectureTests proves the gate rule catches it. */
public class WebAwareGate {

    public ResponseEntity<String> verdict(boolean passed) {
        return ResponseEntity.ok(passed ? "passed" : "failed");
    }
}
