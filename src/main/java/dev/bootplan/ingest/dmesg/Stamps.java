package dev.bootplan.ingest.dmesg;

/** Prints µs as the kernel's stamps do: seconds with six decimals. */
final class Stamps {

    private Stamps() {}

    static String seconds(long us) {
        String sign = us < 0 ? "-" : "";
        long abs = Math.abs(us);
        return sign + abs / 1_000_000 + "." + String.format(java.util.Locale.ROOT, "%06d", abs % 1_000_000);
    }
}
