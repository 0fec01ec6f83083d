package org.mopr.ledger.api.ensemble;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Members on several threads, handed back in member order; a stop or a failure keeps the unbroken prefix. */
class MemberPoolTest {

    @Test
    void resultsComeBackInMemberOrderWhateverOrderTheyFinishIn() {
        List<Integer> seen = new ArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        new MemberPool(3, 40, () -> false).run(i -> {
            threads.add(Thread.currentThread().getName());
            sleep((40 - i) % 7);
            return i;
        }, seen::add);
        assertThat(seen).hasSize(40).isSorted();
        assertThat(threads).hasSizeGreaterThan(1).allSatisfy(t -> assertThat(t).startsWith("ensemble-member-"));
    }

    @Test
    void aStopTakesNoNewMemberAndKeepsThoseTaken() {
        AtomicInteger asked = new AtomicInteger();
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> new MemberPool(2, 10, () -> asked.incrementAndGet() > 3).run(i -> i, seen::add))
                .isInstanceOf(MemberPool.Stopped.class);
        assertThat(seen).containsExactly(0, 1, 2);
    }

    @Test
    void aFailureHandsOverEveryMemberBeforeItThenTheFailure() {
        List<Integer> seen = new ArrayList<>();
        AtomicInteger started = new AtomicInteger();
        assertThatThrownBy(() -> new MemberPool(2, 20, () -> false).run(i -> {
            started.incrementAndGet();
            if (i == 5) {
                throw new IllegalStateException("member 6 refused");
            }
            return i;
        }, seen::add)).hasMessage("member 6 refused");
        assertThat(seen).containsExactly(0, 1, 2, 3, 4);
        assertThat(started.get()).isLessThan(20);
    }

    @Test
    void theCallersOwnFailureStopsTheWriters() {
        AtomicInteger started = new AtomicInteger();
        assertThatThrownBy(() -> new MemberPool(2, 100, () -> false).run(i -> {
            started.incrementAndGet();
            return i;
        }, i -> {
            if (i == 3) {
                throw new IllegalStateException("cannot store member 4");
            }
        })).hasMessage("cannot store member 4");
        // At most the window ahead of the member the caller failed on was taken.
        assertThat(started.get()).isLessThanOrEqualTo(4 + 4);
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
