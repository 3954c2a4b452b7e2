package dev.lifecycle.proptest;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The random choices one try makes, recorded so that the try can be replayed and shrunk.
 *
 * <p>A generator never reads the random source directly for a value: it asks for a choice with
 * bounds and a simplest value (its shrink target), and suggests a fresh value drawn from
 * {@link #random()}. A fresh stream takes the suggestion; a replayed stream returns the recorded
 * choice (clamped to the bounds) and, once the recorded choices run out, the simplest value. This
 * is what makes shrinking work through {@code map}, {@code flatMap} and {@code filter}: the
 * shrinker changes choices, never values. Not thread-safe: one stream belongs to one try.
 */
final class Choices {
  /** A replayed try that cannot be completed: too many choices, or a filter that never matches. */
  static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  private final SplittableRandom random;
  private final long[] prefix;
  private final boolean fresh;
  private final int limit;

  private long[] values = new long[32];
  private long[] targets = new long[32];
  private int size;
  private int[] spans = new int[32];
  private int spanCount;

  private Choices(SplittableRandom random, long[] prefix, boolean fresh, int limit) {
    this.random = random;
    this.prefix = prefix;
    this.fresh = fresh;
    this.limit = limit;
  }

  /** A stream that makes new choices from {@code random}. */
  static Choices fresh(SplittableRandom random, int limit) {
    return new Choices(random, new long[0], true, limit);
  }

  /** A stream that replays {@code prefix}, then makes only the simplest choices. */
  static Choices replay(long[] prefix, int limit) {
    return new Choices(new SplittableRandom(0), prefix, false, limit);
  }

  /** The source for fresh suggestions; reading it while replaying is harmless. */
  SplittableRandom random() {
    return random;
  }

  /** Whether this stream makes new choices, as opposed to replaying recorded ones. */
  boolean isFresh() {
    return fresh;
  }

  /**
   * One choice in {@code [min, max]}: the suggestion {@code fresh} on a fresh stream, else the
   * recorded choice clamped to the bounds, else {@code target}.
   */
  long draw(long min, long max, long target, long freshValue) {
    if (size >= limit) {
      throw new Invalid("more than " + limit + " choices");
    }
    long value;
    if (size < prefix.length) {
      value = Math.max(min, Math.min(max, prefix[size]));
    } else if (fresh) {
      value = freshValue;
    } else {
      value = target;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
      targets = Arrays.copyOf(targets, size * 2);
    }
    values[size] = value;
    targets[size] = target;
    size++;
    return value;
  }

  /** A choice in {@code [0, bound)} whose simplest value is 0, suggested uniformly. */
  int index(int bound) {
    return (int) draw(0, bound - 1L, 0, bound == 1 ? 0 : random.nextInt(bound));
  }

  /** A boolean whose simplest value is {@code false}; fresh, it is true with probability p. */
  boolean bit(double probabilityOfTrue) {
    return draw(0, 1, 0, random.nextDouble() < probabilityOfTrue ? 1 : 0) == 1;
  }

  /** Marks the start of a structure (a list element, a step) the shrinker may delete whole. */
  int startSpan() {
    return size;
  }

  /** Marks the end of the structure started at {@code start}. */
  void endSpan(int start) {
    if (size - start < 1) {
      return;
    }
    if (spanCount * 2 == spans.length) {
      spans = Arrays.copyOf(spans, spans.length * 2);
    }
    spans[spanCount * 2] = start;
    spans[spanCount * 2 + 1] = size;
    spanCount++;
  }

  /** The choices made so far. */
  long[] values() {
    return Arrays.copyOf(values, size);
  }

  /** The simplest value of each choice made so far. */
  long[] targets() {
    return Arrays.copyOf(targets, size);
  }

  /** The spans, as pairs of start (inclusive) and end (exclusive) choice indexes. */
  int[] spans() {
    return Arrays.copyOf(spans, spanCount * 2);
  }
}
