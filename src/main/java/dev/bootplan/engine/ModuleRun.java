package dev.bootplan.engine;

import dev.bootplan.engine.sim.Gate;
import java.util.Set;
import java.util.TreeSet;

/** One module's load as it happens: state, times, the udev event that loaded it, the global wait. */
final class ModuleRun {

    enum State {
        NOT_LOADED,
        LOADING,
        LIVE
    }

    final int index;
    final boolean asyncRequested;
    final Gate returned;
    /** Opens when the module is LIVE (do_init_module() sets it before its async_synchronize_full()). */
    final Gate live;
    State state = State.NOT_LOADED;
    Long loadStartUs;
    Long loadEndUs;
    UdevEvent loadedBy;
    long loadContendedUs;
    final Set<String> waitedOn = new TreeSet<>();
    long waitStartUs = -1;
    long waitEndUs = -1;
    long lastOwnAsyncEndUs = -1;

    ModuleRun(int index, boolean asyncRequested, Gate returned, Gate live) {
        this.index = index;
        this.asyncRequested = asyncRequested;
        this.returned = returned;
        this.live = live;
    }
}
