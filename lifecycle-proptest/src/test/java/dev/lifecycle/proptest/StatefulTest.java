package dev.lifecycle.proptest;

import static dev.lifecycle.proptest.GenTest.catchFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class StatefulTest {
  /** A stack that loses its bottom element once it holds more than 3. */
  static final class LeakyStack {
    private final Deque<Integer> items = new ArrayDeque<>();

    void push(int x) {
      items.addLast(x);
      if (items.size() > 3) {
        items.removeFirst();
      }
    }

    int pop() {
      return items.removeLast();
    }

    int size() {
      return items.size();
    }
  }

  private static Stateful<Deque<Integer>, LeakyStack> stackProperty() {
    return Stateful.<Deque<Integer>, LeakyStack>of(ArrayDeque::new, LeakyStack::new)
        .action(
            "push",
            Gen.ints(0, 9),
            (model, stack, x) -> {
              stack.push(x);
              model.addLast(x);
            })
        .action(
            "pop",
            model -> !model.isEmpty(),
            (model, stack) -> assertThat(stack.pop()).isEqualTo(model.removeLast()))
        .invariant("same size", (model, stack) -> assertThat(stack.size()).isEqualTo(model.size()));
  }

  @Test
  void check_brokenSystem_shrinksToMinimalSteps() {
    PropertyFailure failure = catchFailure(() -> stackProperty().seed(11).check());

    assertThat(failure.minimal()).isEqualTo("1. push(0)\n2. push(0)\n3. push(0)\n4. push(0)");
    assertThat(failure.getMessage())
        .startsWith("StatefulTest.")
        .contains(": stateful property failed on try ")
        .contains(
            """
            minimal failing sequence:
              1. push(0)
              2. push(0)
              3. push(0)
              4. push(0)
              invariant "same size" failed after step 4:
                org.opentest4j.AssertionFailedError""")
        .contains("original failing sequence:\n  1. ")
        .contains("re-run exactly this case: -Dlifecycle.pbt.seed=" + failure.seed());
  }

  @Test
  void check_sameSeed_sameSequenceAndMinimal() {
    PropertyFailure first = catchFailure(() -> stackProperty().seed(12).check());
    PropertyFailure again = catchFailure(() -> stackProperty().seed(12).check());
    PropertyFailure fromReported = catchFailure(() -> stackProperty().seed(first.seed()).check());

    assertThat(again.original()).isEqualTo(first.original());
    assertThat(again.minimal()).isEqualTo(first.minimal());
    assertThat(fromReported.tries()).isEqualTo(1);
    assertThat(fromReported.original()).isEqualTo(first.original());
    assertThat(fromReported.minimal()).isEqualTo(first.minimal());
  }

  /** A pool of handles where releasing a handle twice is possible only through a bug. */
  static final class Pool {
    private final Deque<Integer> free = new ArrayDeque<>(List.of(0, 1, 2));
    private final List<Integer> taken = new ArrayList<>();

    int take() {
      int handle = free.removeFirst();
      taken.add(handle);
      return handle;
    }

    void give(int handle) {
      if (!taken.removeIf(h -> h == handle)) {
        throw new IllegalStateException("handle " + handle + " was not taken");
      }
      free.add(handle);
      if (taken.isEmpty() && free.size() == 3 && handle == 2) {
        free.add(99); // the bug: giving back handle 2 last creates a phantom handle
      }
    }
  }

  @Test
  void check_preconditions_holdInEveryShrunkSequence() {
    AtomicInteger preconditionViolations = new AtomicInteger();
    Stateful<List<Integer>, Pool> property =
        Stateful.<List<Integer>, Pool>of(ArrayList::new, Pool::new)
            .action(
                "take",
                model -> model.size() < 3,
                (model, pool) -> model.add(pool.take()))
            .action(
                "give",
                model -> !model.isEmpty(),
                model -> Gen.elementOf(model),
                (model, pool, handle) -> {
                  if (!model.contains(handle)) {
                    preconditionViolations.incrementAndGet();
                  }
                  pool.give(handle);
                  model.removeIf(h -> h.equals(handle));
                })
            .invariant(
                "no phantom handles",
                (model, pool) -> assertThat(pool.free.size() + pool.taken.size()).isEqualTo(3));

    PropertyFailure failure = catchFailure(() -> property.seed(13).check());

    assertThat(preconditionViolations).hasValue(0);
    // Six steps is the least that triggers the bug: all three handles taken, 2 given back last.
    assertThat(failure.minimal().split("\n")).hasSize(6);
    assertThat(failure.minimal()).endsWith("6. give(2)");
  }

  /** A system that counts how often it was closed. */
  static final class Closeable implements AutoCloseable {
    static final AtomicInteger opened = new AtomicInteger();
    static final AtomicInteger closed = new AtomicInteger();

    Closeable() {
      opened.incrementAndGet();
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }

  @Test
  void check_closeableSystem_isClosedAfterEveryTry() {
    Statistics statistics =
        Stateful.of(Object::new, Closeable::new).action("noop", (m, s) -> {}).tries(20).check();

    assertThat(statistics.tries()).isEqualTo(20);
    assertThat(Closeable.closed.get()).isEqualTo(Closeable.opened.get()).isEqualTo(20);
  }

  @Test
  void check_statistics_countActionsAndLengths() {
    Statistics statistics =
        Stateful.of(Object::new, Object::new)
            .action("a", (m, s) -> {})
            .action("b", (m, s) -> {})
            .action("never", m -> false, (m, s) -> {})
            .maxSteps(10)
            .seed(14)
            .check();

    assertThat(statistics.actionCounts()).containsOnlyKeys("a", "b", "never");
    assertThat(statistics.actionCounts().get("a")).isPositive();
    assertThat(statistics.actionCounts().get("never")).isZero();
    long steps = statistics.actionCounts().values().stream().mapToLong(x -> x).sum();
    long counted =
        statistics.sequenceLengths().entrySet().stream()
            .mapToLong(e -> e.getKey() * e.getValue())
            .sum();
    assertThat(counted).isEqualTo(steps);
    assertThat(statistics.maxSequenceLength()).isEqualTo(10);
    assertThat(statistics.toString())
        .startsWith("tries: 100\nactions (" + steps + " steps):\n  a ")
        .contains("\n  never         0    0.0%")
        .contains("\nsequence lengths: min 1, mean ");
  }

  @Test
  void action_duplicateName_fails() {
    Stateful<Object, Object> property = Stateful.of(Object::new, Object::new).action("a", (m, s) -> {});

    assertThatThrownBy(() -> property.action("a", (m, s) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("action \"a\" is declared twice; give each action its own name");
  }

  @Test
  void check_noActions_fails() {
    assertThatThrownBy(() -> Stateful.of(Object::new, Object::new).check())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no actions declared; add at least one with action(..)");
  }

  @Test
  void check_invariantBrokenInitially_reportsNoSteps() {
    PropertyFailure failure =
        catchFailure(
            () ->
                Stateful.of(Object::new, Object::new)
                    .action("a", (m, s) -> {})
                    .invariant("never", (m, s) -> assertThat(false).isTrue())
                    .check());

    assertThat(failure.minimal()).isEqualTo("(no steps)");
    assertThat(failure.getMessage()).contains("invariant \"never\" failed on the initial state:");
  }
}
