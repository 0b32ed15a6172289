package dev.bootplan.engine;

/**
 * systemd-udevd's event timeout and worker limit for one phase (probe-model.md §5, §7).
 *
 * @param warnAfterUs T/3 from hand-off, null where systemd does not warn (≤ 216)
 * @param killAfterUs T, or T + 10 s on systemd ≥ 256
 */
record UdevSettings(long timeoutUs, Long warnAfterUs, long killAfterUs, int childrenMax) {

    static final long DEFAULT_TIMEOUT_OLD_US = 30_000_000L;
    static final long DEFAULT_TIMEOUT_US = 180_000_000L;
    static final long KILL_GRACE_US = 10_000_000L;

    static UdevSettings of(int systemdVersion, Long timeoutUs, int childrenMax) {
        long t = timeoutUs != null ? timeoutUs : systemdVersion <= 216 ? DEFAULT_TIMEOUT_OLD_US : DEFAULT_TIMEOUT_US;
        return new UdevSettings(t, warnAfter(systemdVersion, t), killAfter(systemdVersion, t), childrenMax);
    }

    static Long warnAfter(int systemdVersion, long t) {
        return systemdVersion <= 216 ? null : t / 3;
    }

    static long killAfter(int systemdVersion, long t) {
        return systemdVersion >= 256 ? t + KILL_GRACE_US : t;
    }

    /** udevd's default: min(2 × CPUs + 16, max(RAM / 128 MiB, 10), 2048). */
    static int defaultChildrenMax(int cpus, long memoryBytes) {
        long byCpu = 2L * cpus + 16;
        long byMemory = Math.max(memoryBytes / (128L << 20), 10);
        return (int) Math.min(Math.min(byCpu, byMemory), 2048);
    }
}
