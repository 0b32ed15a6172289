package dev.bootplan.engine.plan;

/** drv->probe_type (include/linux/device/driver.h). */
public enum ProbeType {
    DEFAULT("default"),
    PREFER_ASYNC("prefer-async"),
    FORCE_SYNC("force-sync");

    private final String wireName;

    ProbeType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ProbeType fromWire(String name) {
        for (ProbeType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
