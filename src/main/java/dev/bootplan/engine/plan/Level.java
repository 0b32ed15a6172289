package dev.bootplan.engine.plan;

/** Initcall levels in the order init/main.c runs them (probe-model.md §4.1). */
public enum Level {
    PURE("pure"),
    CORE("core"),
    POSTCORE("postcore"),
    ARCH("arch"),
    SUBSYS("subsys"),
    FS("fs"),
    ROOTFS("rootfs"),
    DEVICE("device"),
    LATE("late");

    private final String wireName;

    Level(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Level fromWire(String name) {
        for (Level l : values()) {
            if (l.wireName.equals(name)) {
                return l;
            }
        }
        return null;
    }
}
