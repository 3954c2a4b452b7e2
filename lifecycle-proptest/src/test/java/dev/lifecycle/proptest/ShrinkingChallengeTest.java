package dev.lifecycle.proptest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The engine on systems with known bugs: over 100 seeds, with the default budget, it must find each
 * bug in at least 95 runs and shrink it to the known minimal case in at least 90. The README's
 * "shrinking challenge" table reports what this test measures.
 */
final class ShrinkingChallengeTest {
  private static final int SEEDS = 100;

  // ------------------------------------------------------------------ a counter that drifts

  /** Counts; but "inc, dec, inc" in a row adds one too many. */
  static final class DriftingCounter {
    private int value;
    private String last = "";

    void inc() {
      value++;
      remember("i");
    }

    void dec() {
      value--;
      remember("d");
    }

    void add(int n) {
      value += n;
      remember("a");
    }

    void reset() {
      value = 0;
      remember("r");
    }

    private void remember(String op) {
      last = (last + op).substring(Math.max(0, last.length() + 1 - 3));
      if (last.equals("idi")) {
        value++; // the bug
      }
    }
  }

  /** The model: the value the counter should have. */
  static final class Count {
    int value;
  }

  static @Nullable PropertyFailure driftingCounter(long seed) {
    return failureOf(
        () ->
            Stateful.of(Count::new, DriftingCounter::new)
                .action(
                    "inc",
                    (m, c) -> {
                      c.inc();
                      m.value++;
                    })
                .action(
                    "dec",
                    (m, c) -> {
                      c.dec();
                      m.value--;
                    })
                .action(
                    "add",
                    Gen.ints(0, 9),
                    (m, c, n) -> {
                      c.add(n);
                      m.value += n;
                    })
                .action(
                    "reset",
                    (m, c) -> {
                      c.reset();
                      m.value = 0;
                    })
                .invariant("value", (m, c) -> assertThat(c.value).isEqualTo(m.value))
                .seed(seed)
                .check());
  }

  // ------------------------------------------------------------------ a registry that evicts a lease

  /** A registry of capacity 2 that marks an entry idle on any release, though leases remain. */
  static final class LeakyRegistry {
    static final class Entry {
      final int key;
      boolean leased; // the bug: a flag where a count of leases belongs
      boolean evicted;

      Entry(int key) {
        this.key = key;
      }
    }

    private final Map<Integer, Entry> entries = new LinkedHashMap<>(4, 0.75f, true);

    Entry acquire(int key) {
      Entry entry = entries.get(key);
      if (entry == null) {
        if (entries.size() == 2) {
          Iterator<Entry> lru = entries.values().iterator();
          Entry victim = null;
          while (lru.hasNext()) {
            Entry candidate = lru.next();
            if (!candidate.leased) {
              victim = candidate;
              break;
            }
          }
          if (victim == null) {
            throw new IllegalStateException("full");
          }
          victim.evicted = true;
          entries.remove(victim.key);
        }
        entry = new Entry(key);
        entries.put(key, entry);
      }
      entry.leased = true;
      return entry;
    }

    void release(Entry entry) {
      entry.leased = false;
    }
  }

  /** A lease the model knows about. */
  record Lease(int key, LeakyRegistry.Entry entry) {
    @Override
    public String toString() {
      return "lease of " + key;
    }
  }

  /** The model: leases held, and the correct lease count of each present key in LRU order. */
  static final class Leases {
    final List<Lease> held = new ArrayList<>();
    final Map<Integer, Integer> present = new LinkedHashMap<>(4, 0.75f, true);

    /** Whether acquiring {@code key} must fail because every present entry is leased. */
    boolean full(int key) {
      return !present.containsKey(key)
          && present.size() == 2
          && present.values().stream().allMatch(n -> n > 0);
    }

    void acquired(int key) {
      Integer count = present.get(key);
      if (count == null && present.size() == 2) {
        Integer victim =
            present.entrySet().stream()
                .filter(e -> e.getValue() == 0)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        present.remove(victim);
      }
      present.put(key, count == null ? 1 : count + 1);
    }

    void released(Lease lease) {
      held.remove(lease);
      present.merge(lease.key(), -1, Integer::sum);
    }
  }

  static @Nullable PropertyFailure leakyRegistry(long seed) {
    return failureOf(
        () ->
            Stateful.of(Leases::new, LeakyRegistry::new)
                .action(
                    "acquire",
                    Gen.ints(0, 3),
                    (m, r, key) -> {
                      if (m.full(key)) { // every entry is leased: acquiring a new key must fail
                        assertThatThrownBy(() -> r.acquire(key)).hasMessage("full");
                        return;
                      }
                      m.held.add(new Lease(key, r.acquire(key)));
                      m.acquired(key);
                    })
                .action(
                    "release",
                    m -> !m.held.isEmpty(),
                    m -> Gen.elementOf(m.held),
                    (m, r, lease) -> {
                      r.release(lease.entry());
                      m.released(lease);
                    })
                .invariant(
                    "a leased entry is never evicted",
                    (m, r) -> assertThat(m.held).noneMatch(l -> l.entry().evicted))
                .seed(seed)
                .check());
  }

  // ------------------------------------------------------------------ a list that breaks above 7

  /** Copies lists; but drops the last element of a list longer than 7. */
  static List<Integer> brokenCopy(List<Integer> list) {
    return new ArrayList<>(list.size() > 7 ? list.subList(0, list.size() - 1) : list);
  }

  static @Nullable PropertyFailure brokenList(long seed) {
    return failureOf(
        () ->
            Property.forAll(Gen.lists(Gen.ints(-1000, 1000), 0, 20))
                .seed(seed)
                .check(list -> assertThat(brokenCopy(list)).isEqualTo(list)));
  }

  // ------------------------------------------------------------------ a backoff that overflows

  /** The total wait of {@code retries} doubling delays; but wrong past 3 retries over 1 s. */
  static Duration totalBackoff(int retries, Duration delay) {
    Duration total = Duration.ZERO;
    Duration next = delay;
    for (int i = 0; i < retries; i++) {
      total = total.plus(next);
      next = next.multipliedBy(2);
    }
    if (retries >= 3 && delay.compareTo(Duration.ofSeconds(1)) > 0) {
      total = total.minus(delay); // the bug
    }
    return total;
  }

  static @Nullable PropertyFailure brokenBackoff(long seed) {
    return failureOf(
        () ->
            Property.forAll(Gen.ints(0, 10), Gen.durations(Duration.ZERO, Duration.ofSeconds(60)))
                .seed(seed)
                .check(
                    (retries, delay) ->
                        assertThat(totalBackoff(retries, delay))
                            .isEqualTo(delay.multipliedBy((1L << retries) - 1))));
  }

  // ------------------------------------------------------------------ permits that share a counter

  /** Per-key permit counts; but keys of the same parity share one counter. */
  static final class ParityPermits {
    private final int[] inUse = new int[2];

    void acquire(int key) {
      inUse[key % 2]++;
    }

    void release(int key) {
      inUse[key % 2]--;
    }

    int inUse(int key) {
      return inUse[key % 2];
    }
  }

  /** The model: permits held, by key. */
  static final class Held {
    final List<Integer> keys = new ArrayList<>();
  }

  static @Nullable PropertyFailure parityPermits(long seed) {
    return failureOf(
        () ->
            Stateful.of(Held::new, ParityPermits::new)
                .action(
                    "acquire",
                    Gen.ints(0, 5),
                    (m, p, key) -> {
                      p.acquire(key);
                      m.keys.add(key);
                    })
                .action(
                    "release",
                    m -> !m.keys.isEmpty(),
                    m -> Gen.elementOf(m.keys),
                    (m, p, key) -> {
                      p.release(key);
                      int at = m.keys.indexOf(key);
                      m.keys.subList(at, at + 1).clear(); // one of its permits
                    })
                .invariant(
                    "inUse of a held key counts its permits",
                    (m, p) -> {
                      for (int key : m.keys) {
                        assertThat(p.inUse(key))
                            .as("inUse(%d)", key)
                            .isEqualTo(m.keys.stream().filter(x -> x == key).count());
                      }
                    })
                .seed(seed)
                .check());
  }

  // ------------------------------------------------------------------ the challenge

  @Test
  void driftingCounter_foundAndShrunk(TestReporter reporter) {
    challenge(
        "counter drifting after inc, dec, inc",
        ShrinkingChallengeTest::driftingCounter,
        minimal -> minimal.equals("1. inc\n2. dec\n3. inc"),
        reporter);
  }

  @Test
  void leakyRegistry_foundAndShrunk(TestReporter reporter) {
    // Five steps is the least: a key leased twice, one of its leases released, two other keys
    // acquired; the second of them evicts the key that is still leased.
    challenge(
        "registry (capacity 2) evicting a leased entry",
        ShrinkingChallengeTest::leakyRegistry,
        minimal -> minimal.split("\n").length == 5 && minimal.contains("release("),
        reporter);
  }

  @Test
  void brokenList_foundAndShrunk(TestReporter reporter) {
    challenge(
        "list copy breaking above 7 elements",
        ShrinkingChallengeTest::brokenList,
        minimal -> minimal.equals("arg0 = [0, 0, 0, 0, 0, 0, 0, 0]"),
        reporter);
  }

  @Test
  void brokenBackoff_foundAndShrunk(TestReporter reporter) {
    challenge(
        "backoff wrong past 3 retries over 1 s",
        ShrinkingChallengeTest::brokenBackoff,
        minimal -> minimal.equals("arg0 = 3\narg1 = PT1.000000001S"),
        reporter);
  }

  @Test
  void parityPermits_foundAndShrunk(TestReporter reporter) {
    challenge(
        "per-key permits where keys of the same parity share a count",
        ShrinkingChallengeTest::parityPermits,
        minimal -> minimal.equals("1. acquire(0)\n2. acquire(2)"),
        reporter);
  }

  @Test
  void everyChallenge_sameSeed_sameSequenceAndSameMinimal() {
    List<LongFunction<@Nullable PropertyFailure>> challenges =
        List.of(
            ShrinkingChallengeTest::driftingCounter,
            ShrinkingChallengeTest::leakyRegistry,
            ShrinkingChallengeTest::brokenList,
            ShrinkingChallengeTest::brokenBackoff,
            ShrinkingChallengeTest::parityPermits);
    for (LongFunction<@Nullable PropertyFailure> challenge : challenges) {
      for (long seed = 0; seed < 10; seed++) {
        PropertyFailure first = challenge.apply(seed);
        PropertyFailure second = challenge.apply(seed);
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(second.seed()).isEqualTo(first.seed());
        assertThat(second.original()).isEqualTo(first.original());
        assertThat(second.minimal()).isEqualTo(first.minimal());
      }
    }
  }

  private static void challenge(
      String name,
      LongFunction<@Nullable PropertyFailure> run,
      Predicate<String> knownMinimal,
      TestReporter reporter) {
    int found = 0;
    int shrunk = 0;
    List<String> misses = new ArrayList<>();
    for (long seed = 0; seed < SEEDS; seed++) {
      PropertyFailure failure = run.apply(seed);
      if (failure == null) {
        misses.add("seed " + seed + ": not found");
        continue;
      }
      found++;
      if (knownMinimal.test(failure.minimal())) {
        shrunk++;
      } else {
        misses.add("seed " + seed + ": shrunk to " + failure.minimal().replace("\n", " / "));
      }
    }
    String rates = name + ": found " + found + "/" + SEEDS + ", shrunk to minimal " + shrunk + "/" + SEEDS;
    reporter.publishEntry("shrinking challenge", rates);
    System.out.println(rates + (misses.isEmpty() ? "" : "; misses: " + misses)); // for the README
    assertThat(found).as(rates + "; " + misses).isGreaterThanOrEqualTo(95);
    assertThat(shrunk).as(rates + "; " + misses).isGreaterThanOrEqualTo(90);
  }

  private static @Nullable PropertyFailure failureOf(Runnable property) {
    try {
      property.run();
      return null;
    } catch (PropertyFailure failure) {
      return failure;
    }
  }
}
