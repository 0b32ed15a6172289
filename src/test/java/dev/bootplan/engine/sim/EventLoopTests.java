package dev.bootplan.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The loop's order is (time, sequence) whatever path an event takes: the heap, the queue for the present, an alarm,
 * or a heap rebuilt to drop cancelled events.
 */
class EventLoopTests {

    /** A reference order: every live event sorted by (time, sequence), computed apart from the loop. */
    private record Expected(long time, long seq, int id) {}

    @Test
    void cancelledEventsNeverRunAndTheRestRunInTimeThenSequenceOrderThroughRebuilds() {
        SplittableRandom random = new SplittableRandom(7);
        EventLoop loop = new EventLoop(Long.MAX_VALUE);
        List<Integer> ran = new ArrayList<>();
        List<Expected> expected = new ArrayList<>();
        List<EventLoop.Scheduled> all = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            int id = i;
            long time = 1 + random.nextLong(1_000);
            all.add(loop.at(time, () -> ran.add(id)));
            expected.add(new Expected(time, i, id));
        }
        // Cancel nine in ten, enough to rebuild the heap several times.
        Set<Integer> cancelled = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            if (random.nextInt(10) != 0) {
                all.get(i).cancel();
                all.get(i).cancel(); // twice is once
                cancelled.add(i);
            }
        }
        loop.run();
        List<Integer> live = expected.stream().filter(e -> !cancelled.contains(e.id()))
                .sorted((a, b) -> a.time() != b.time() ? Long.compare(a.time(), b.time()) : Long.compare(a.seq(), b.seq()))
                .map(Expected::id).toList();
        assertThat(ran).isEqualTo(live);
        assertThat(loop.processed()).isEqualTo(live.size());
    }

    @Test
    void eventsForThePresentAndAnAlarmKeepTheirPlaceAmongTheHeapsEvents() {
        EventLoop loop = new EventLoop(Long.MAX_VALUE);
        List<String> ran = new ArrayList<>();
        EventLoop.Alarm alarm = loop.alarm();
        loop.at(10, () -> {
            ran.add("a@10");
            loop.at(10, () -> ran.add("c@10, scheduled at 10")); // after b: b was scheduled first
            alarm.setAfter(0, () -> ran.add("alarm@10, set at 10")); // after c
        });
        loop.at(10, () -> ran.add("b@10"));
        loop.at(5, () -> alarm.setAfter(20, () -> ran.add("moved away"))); // set at 5, then moved by a@10
        loop.at(30, () -> ran.add("d@30"));
        loop.run();
        assertThat(ran).containsExactly("a@10", "b@10", "c@10, scheduled at 10", "alarm@10, set at 10", "d@30");
    }
}
