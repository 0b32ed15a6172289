package dev.bootplan.engine;


/** One uevent for one device: the modules its kmod rule loads (dependencies first) and its timers. */
final class UdevEvent {

    final int device;
    /** The module its kmod rule loads (with its modules.dep chain, walked when a worker takes the event). */
    final int module;
    final UdevSettings settings;
    final long seqnum;
    String lane;
    int pid;
    long handedOffUs = -1;
    long endUs = -1;
    boolean warned;
    boolean killed;

    UdevEvent(int device, int module, UdevSettings settings, long seqnum) {
        this.device = device;
        this.module = module;
        this.settings = settings;
        this.seqnum = seqnum;
    }

    Long warnAtUs() {
        return handedOffUs < 0 || settings.warnAfterUs() == null ? null : handedOffUs + settings.warnAfterUs();
    }

    Long killAtUs() {
        return handedOffUs < 0 ? null : handedOffUs + settings.killAfterUs();
    }
}
