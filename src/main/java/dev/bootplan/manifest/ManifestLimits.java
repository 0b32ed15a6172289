package dev.bootplan.manifest;

/** How big a plan may be; checked before any work starts. */
public record ManifestLimits(int maxDevices, int maxModules, int maxDrivers, int maxInitcalls) {

    public static ManifestLimits defaults() {
        return new ManifestLimits(200_000, 10_000, 20_000, 20_000);
    }
}
