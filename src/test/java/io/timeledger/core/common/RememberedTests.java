package io.timeledger.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What is kept between requests and when it is not: only while changes can be heard, never what
 * was read across a forgetting, and each forgetting only of what it names.
 */
class RememberedTests {

    private final Remembered<String, String> remembered = Remembered.forAtMost(Duration.ofMinutes(1), 10);

    @Test
    void nothingIsKeptUntilChangesCanBeHeard() {
        remembered.remember("a", "read", remembered.generation());
        assertThat(remembered.known("a")).isNull();

        remembered.listening(true);
        remembered.remember("a", "read", remembered.generation());

        assertThat(remembered.known("a")).isEqualTo("read");
    }

    @Test
    void whatWasReadWhileSomethingWasForgottenIsNotKept() {
        remembered.listening(true);
        long before = remembered.generation();
        // another key's change is heard while "a" is being read: "a" may predate it too
        remembered.forget("b"::equals);
        remembered.remember("a", "read before the change", before);

        assertThat(remembered.known("a")).isNull();
    }

    @Test
    void forgettingTakesOnlyWhatItNames() {
        remembered.listening(true);
        remembered.remember("account 1: project", "P", remembered.generation());
        remembered.remember("account 2: project", "Q", remembered.generation());

        remembered.forget(key -> key.startsWith("account 1"));

        assertThat(remembered.known("account 1: project")).isNull();
        assertThat(remembered.known("account 2: project")).isEqualTo("Q");
    }

    @Test
    void notHearingForgetsEverythingAndKeepsNothing() {
        remembered.listening(true);
        remembered.remember("a", "read", remembered.generation());

        remembered.listening(false);
        remembered.remember("b", "read", remembered.generation());

        assertThat(remembered.known("a")).isNull();
        assertThat(remembered.known("b")).isNull();
    }

    @Test
    void getReadsOnlyWhatIsNotKeptAndKeepsOnlyWhatIsWorthKeeping() {
        remembered.listening(true);
        var reads = new AtomicInteger();

        remembered.get("found", () -> "v" + reads.incrementAndGet(), value -> true);
        var again = remembered.get("found", () -> "v" + reads.incrementAndGet(), value -> true);
        remembered.get("incomplete", () -> "partial", value -> false);
        remembered.get("missing", () -> null, value -> true);

        assertThat(again).as("read once, then kept").isEqualTo("v1");
        assertThat(reads).hasValue(1);
        assertThat(remembered.known("incomplete")).isNull();
        assertThat(remembered.known("missing")).isNull();
    }

    @Test
    void getAllReadsOnlyWhatIsNotKeptInOneCallAndLeavesOutWhatIsNotFound() {
        remembered.listening(true);
        var asked = new ArrayList<Set<Integer>>();
        Function<Set<Integer>, Map<Integer, String>> read = ids -> {
            asked.add(Set.copyOf(ids));
            return ids.stream().filter(id -> id != 3).collect(Collectors.toMap(id -> id, id -> "v" + id));
        };

        var first = remembered.getAll(List.of(1, 2), id -> "key " + id, read);
        var second = remembered.getAll(List.of(1, 2, 3), id -> "key " + id, read);

        assertThat(first).containsOnly(entry(1, "v1"), entry(2, "v2"));
        assertThat(second).as("3 is not found").containsOnly(entry(1, "v1"), entry(2, "v2"));
        assertThat(asked).as("one read each time, of what was not kept").containsExactly(Set.of(1, 2), Set.of(3));
    }

    @Test
    void getAllKeepsNothingReadWhileSomethingWasForgotten() {
        remembered.listening(true);

        remembered.getAll(List.of(1), id -> "key " + id, ids -> {
            remembered.forget("elsewhere"::equals);
            return Map.of(1, "read before the change");
        });

        assertThat(remembered.known("key 1")).isNull();
    }

    @Test
    void aZeroLifetimeKeepsNothing() {
        var never = Remembered.<String, String>forAtMost(Duration.ZERO, 10);
        never.listening(true);

        never.remember("a", "read", never.generation());

        assertThat(never.known("a")).isNull();
    }
}
