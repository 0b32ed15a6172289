package dev.bootplan.ingest.dmesg;

/**
 * One "probe of <device> returned <rc> after <N> usecs" line. The probe ran from {@code endUs - durationUs} to
 * the line's stamp. {@code context} is the index (in {@link BootLog#initcalls()}) of the initcall or module
 * load that encloses it, or -1; {@code parent} the index (in {@link BootLog#probes()}) of the probe it ran
 * inside (a child device created and probed by its parent's probe), or -1.
 */
public record ProbeRun(
        String device,
        int returnCode,
        ProbeResult result,
        long durationUs,
        long endUs,
        int line,
        int context,
        int parent) {

    public long startUs() {
        return endUs - durationUs;
    }

    public boolean attributed() {
        return context >= 0;
    }
}
