package dev.bootplan.engine.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A condition tasks can sleep on (a wait queue). Opening it wakes the sleepers in a fresh event at the
 * same time, so no task runs inside another's step; a woken task re-checks, as wait_event() does.
 */
public final class Gate {

    private final EventLoop loop;
    private boolean open;
    private List<Runnable> sleepers = new ArrayList<>();

    public Gate(EventLoop loop, boolean open) {
        this.loop = loop;
        this.open = open;
    }

    public boolean isOpen() {
        return open;
    }

    public void set(boolean open) {
        if (open) {
            open();
        } else {
            this.open = false;
        }
    }

    public void open() {
        if (open) {
            return;
        }
        open = true;
        if (!sleepers.isEmpty()) {
            List<Runnable> woken = sleepers;
            sleepers = new ArrayList<>();
            for (Runnable r : woken) {
                loop.at(loop.now(), r);
            }
        }
    }

    /** Runs {@code then} once the gate is open: now (in a fresh event) if it is, else when it opens. */
    public void whenOpen(Runnable then) {
        if (open) {
            loop.at(loop.now(), then);
        } else {
            sleepers.add(then);
        }
    }

    void sleep(Runnable wake) {
        sleepers.add(wake);
    }

    void forget(Runnable wake) {
        sleepers.remove(wake);
    }
}
