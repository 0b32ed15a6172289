package dev.bootplan.engine.mode;

/**
 * A probing policy applied to a plan (probe-model.md §10). Each mode is one class; the engine asks it
 * for a {@link ModePolicy} and never tests which mode it has.
 */
public sealed interface ProbingMode permits SyncMode, AsyncMode, ForcedSyncMode, DebugForceAllMode {

    /** The name clients pass as {@code ?mode=}. */
    String name();

    /** What the kernel is told, in one sentence. */
    String tells();

    /** The effective rule, in one sentence. */
    String rule();

    ModePolicy policy(PolicyInputs in);

    /** A mode whose result this one is measured against in its report (forced-sync states its cost against async). */
    default java.util.Optional<ProbingMode> costedAgainst() {
        return java.util.Optional.empty();
    }
}
