package dev.bootplan.engine.plan;

/** A kernel version, major.minor: every rule boundary in probe-model.md is a minor release. */
public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {

    public KernelVersion {
        if (major < 2 || major > 99 || minor < 0 || minor > 999) {
            throw new IllegalArgumentException("kernel version out of range: " + major + "." + minor);
        }
    }

    /** Parses "6.12", "6.12.38" or "6.18.34+rpt-rpi-v8"; null when it is not a version. */
    public static KernelVersion parse(String text) {
        if (text == null) {
            return null;
        }
        var m = java.util.regex.Pattern.compile("^(\\d{1,2})\\.(\\d{1,3})(?:[.\\-+~].*)?$").matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < 2) {
            return null;
        }
        return new KernelVersion(major, minor);
    }

    public boolean atLeast(int major, int minor) {
        return compareTo(new KernelVersion(major, minor)) >= 0;
    }

    @Override
    public int compareTo(KernelVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
