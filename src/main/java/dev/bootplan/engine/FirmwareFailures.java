package dev.bootplan.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** Firmware requests that found nothing, per driver and file, in the order they first happened. */
final class FirmwareFailures {

    static final class Failure {
        final int driver;
        final String file;
        final long firstUs;
        int devices;
        boolean async;
        boolean afterRootMounted;

        Failure(int driver, String file, long firstUs) {
            this.driver = driver;
            this.file = file;
            this.firstUs = firstUs;
        }
    }

    private final Map<String, Failure> failures = new LinkedHashMap<>();

    void record(int driver, String file, long atUs, boolean async, boolean rootMounted) {
        Failure f = failures.computeIfAbsent(driver + "\u0000" + file, k -> new Failure(driver, file, atUs));
        f.devices++;
        f.async |= async;
        f.afterRootMounted |= rootMounted;
    }

    Iterable<Failure> all() {
        return failures.values();
    }
}
