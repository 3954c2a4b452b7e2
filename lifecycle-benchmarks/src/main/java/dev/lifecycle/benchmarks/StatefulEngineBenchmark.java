package dev.lifecycle.benchmarks;

import dev.lifecycle.proptest.Stateful;
import dev.lifecycle.proptest.Statistics;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What lifecycle-proptest costs per executed action on a trivial model (a counter), next to the
 * peer a user would write instead: a hand-written loop that picks the same number of random
 * actions, runs them and checks the same invariant, with no generation framework, no recording and
 * no statistics. Both report time per action.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class StatefulEngineBenchmark {
  /** Actions that 100 tries of up to 30 steps run from seed 1 (checked in setup). */
  static final int ACTIONS = 1732;

  /** The system under test: a counter. */
  static final class Counter {
    long value;
  }

  private final Stateful<Counter, Counter> property = counterProperty();

  /** Checks that the property runs {@link #ACTIONS} actions, so that times per action are right. */
  @Setup(Level.Trial)
  public void setUp() {
    long actions = property.check().actionCounts().values().stream().mapToLong(x -> x).sum();
    if (actions != ACTIONS) {
      throw new IllegalStateException(
          "seed 1 ran " + actions + " actions, not " + ACTIONS + "; update ACTIONS");
    }
  }

  private static Stateful<Counter, Counter> counterProperty() {
    return Stateful.of(Counter::new, Counter::new)
            .action(
                "inc",
                (model, counter) -> {
                  counter.value++;
                  model.value++;
                })
            .action(
                "dec",
                (model, counter) -> {
                  counter.value--;
                  model.value--;
                })
            .invariant(
                "same value",
                (model, counter) -> {
                  if (model.value != counter.value) {
                    throw new AssertionError(model.value + " != " + counter.value);
                  }
                })
            .maxSteps(30)
            .tries(100)
            .seed(1);
  }

  /** The engine: 100 tries of a stateful property, per executed action. */
  @Benchmark
  @OperationsPerInvocation(ACTIONS)
  public Statistics engine() {
    return property.check();
  }

  /** The peer: the same number of random actions and invariant checks, by hand, per action. */
  @Benchmark
  @OperationsPerInvocation(ACTIONS)
  public long handWritten() {
    SplittableRandom random = new SplittableRandom(1);
    long checksum = 0;
    int done = 0;
    while (done < ACTIONS) {
      Counter model = new Counter();
      Counter counter = new Counter();
      int length = 1 + random.nextInt(30);
      for (int step = 0; step < length && done < ACTIONS; step++, done++) {
        if (random.nextBoolean()) {
          counter.value++;
          model.value++;
        } else {
          counter.value--;
          model.value--;
        }
        if (model.value != counter.value) {
          throw new AssertionError(model.value + " != " + counter.value);
        }
      }
      checksum += counter.value;
    }
    return checksum;
  }
}
