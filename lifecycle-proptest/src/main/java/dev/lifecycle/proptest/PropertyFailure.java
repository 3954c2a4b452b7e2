package dev.lifecycle.proptest;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A property failed: thrown by {@code check()} with the minimal counterexample, the original one,
 * and the seed that reproduces both.
 *
 * <p>The message says it all for a person; the accessors are for tools and tests. The cause is what
 * the minimal counterexample threw; what the original threw is attached as a suppressed exception.
 */
public final class PropertyFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final long seed;
  private final String minimal;
  private final String original;
  private final int tries;
  private final int shrinks;
  private final String propertyName;
  private final transient List<@Nullable Object> counterexample;
  private final int shrinkRuns;
  private final Duration shrinkTime;

  PropertyFailure(
      String message,
      Throwable cause,
      long seed,
      String minimal,
      String original,
      int tries,
      int shrinks,
      String propertyName,
      List<@Nullable Object> counterexample,
      int shrinkRuns,
      Duration shrinkTime) {
    super(message, cause);
    this.seed = seed;
    this.minimal = minimal;
    this.original = original;
    this.tries = tries;
    this.shrinks = shrinks;
    this.propertyName = propertyName;
    this.counterexample = counterexample;
    this.shrinkRuns = shrinkRuns;
    this.shrinkTime = shrinkTime;
  }

  /**
   * The minimal counterexample as values: a value property's arguments in order (an argument whose
   * generator threw is missing, with those after it), a stateful property's steps as text, one
   * element a step. Unmodifiable; the values are the ones the failing check received.
   */
  public List<@Nullable Object> counterexample() {
    return counterexample;
  }

  /** The property's name, as the report shows it: the test method that checked it, by default. */
  public String propertyName() {
    return propertyName;
  }

  /** How many candidates shrinking ran (each one a run of the property). */
  public int shrinkRuns() {
    return shrinkRuns;
  }

  /** How long shrinking took. */
  public Duration shrinkTime() {
    return shrinkTime;
  }

  /**
   * The seed of the failing try: running the property again with it ({@code
   * -Dlifecycle.pbt.seed=<seed>} or {@code seed(..)} in code) fails on the first try with the same
   * original and the same minimal counterexample.
   */
  public long seed() {
    return seed;
  }

  /** The minimal counterexample, as shown in the message (arguments, or numbered steps). */
  public String minimal() {
    return minimal;
  }

  /** The counterexample as first generated, before shrinking. */
  public String original() {
    return original;
  }

  /** On which try the property failed, counting from 1. */
  public int tries() {
    return tries;
  }

  /** How many shrink steps made the counterexample simpler. */
  public int shrinks() {
    return shrinks;
  }
}
