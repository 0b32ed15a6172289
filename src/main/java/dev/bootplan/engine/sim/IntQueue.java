package dev.bootplan.engine.sim;

/** A first-in first-out queue of ints, without boxing: the deferred-probe lists are walked millions of times. */
public final class IntQueue {

    private int[] items = new int[16];
    private int head;
    private int size;

    public void add(int v) {
        if (size == items.length) {
            int[] grown = new int[items.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = items[(head + i) % items.length];
            }
            items = grown;
            head = 0;
        }
        items[(head + size) % items.length] = v;
        size++;
    }

    /** The first item, removed; -1 when empty. */
    public int poll() {
        if (size == 0) {
            return -1;
        }
        int v = items[head];
        head = (head + 1) % items.length;
        size--;
        return v;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    /** The items in order (a copy). */
    public int[] toArray() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = items[(head + i) % items.length];
        }
        return out;
    }
}
