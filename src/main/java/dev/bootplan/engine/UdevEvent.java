package dev.bootplan.engine;

import java.util.List;

/** One uevent for one device: the modules its kmod rule loads (dependencies first) and its timers. */
final class UdevEvent {

    final int device;
    final List<Integer> chain;
    final UdevSettings settings;
    final long seqnum;
    String lane;
    int pid;
    long handedOffUs = -1;
    long endUs = -1;
    boolean warned;
    boolean killed;

    UdevEvent(int device, List<Integer> chain, UdevSettings settings, long seqnum) {
        this.device = device;
        this.chain = chain;
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
