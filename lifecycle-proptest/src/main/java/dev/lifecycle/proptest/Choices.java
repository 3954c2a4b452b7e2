package dev.lifecycle.proptest;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

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
  static class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /** A fresh try whose generators nest deeper than {@link #MAX_NESTING}: cut off, not run. */
  static final class TooDeep extends Invalid {
    private static final long serialVersionUID = 1L;

    TooDeep(String message) {
      super(message);
    }
  }

  /**
   * How deeply generators may nest in one try. A recursive generator without a bound of its own
   * stops here, long before the stack of a thread with the default size runs out.
   */
  static final int MAX_NESTING = 400;

  private final SplittableRandom random;
  private final long[] prefix;
  private final boolean fresh;
  private final int limit;

  private long[] values = new long[32];
  private long[] targets = new long[32];
  private long[] ranges = new long[32];
  private long[] mins = new long[32];
  private int size;
  /** Spans as triples: start (inclusive), end (exclusive), label. */
  private int[] spans = new int[48];
  private int spanCount;
  /** How deeply generators are nested right now, and how deep each recursive generator is. */
  private int nesting;
  private @Nullable IdentityHashMap<Object, Integer> depths;
  private final long[] numbers = new long[16];
  private int numberCount;

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
      ranges = Arrays.copyOf(ranges, size * 2);
      mins = Arrays.copyOf(mins, size * 2);
    }
    mins[size] = min;
    values[size] = value;
    targets[size] = target;
    ranges[size] = max - min;
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
    endSpan(start, 0);
  }

  /**
   * Marks the end of the structure started at {@code start}, made by the generator {@code label}
   * names: the shrinker may replace a structure by a smaller one inside it with the same label.
   */
  void endSpan(int start, int label) {
    if (size - start < 1) {
      return;
    }
    if (spanCount * 3 == spans.length) {
      spans = Arrays.copyOf(spans, spans.length * 2);
    }
    spans[spanCount * 3] = start;
    spans[spanCount * 3 + 1] = size;
    spans[spanCount * 3 + 2] = label;
    spanCount++;
  }

  /**
   * Enters a generator: counts the nesting.
   *
   * @throws TooDeep if generators nest deeper than {@link #MAX_NESTING}
   */
  void enter() {
    if (++nesting > MAX_NESTING) {
      throw new TooDeep(
          "generators nested deeper than "
              + MAX_NESTING
              + " levels; bound the recursion (Gen.recursive with a max depth)");
    }
  }

  /** Leaves the generator last entered (also when it threw). */
  void exit() {
    nesting--;
  }

  /** How much room for nesting is left, as a fraction in [0, 1] of {@link #MAX_NESTING}. */
  double nestingLeft() {
    return 1.0 - (double) nesting / MAX_NESTING;
  }

  /** How deep {@code recursion} is now: how many of its recursive cases enclose this point. */
  int depth(Object recursion) {
    return depths == null ? 0 : depths.getOrDefault(recursion, 0);
  }

  /** Sets how deep {@code recursion} is; see {@link #depth}. */
  void depth(Object recursion, int depth) {
    if (depths == null) {
      depths = new IdentityHashMap<>();
    }
    depths.put(recursion, depth);
  }

  /** Remembers a number a generator chose, for {@link Numbers#suggest}; keeps the last 16. */
  void numberChosen(long value) {
    numbers[numberCount++ & 15] = value;
  }

  /** How many numbers {@link #numberSeen} can return, at most 16. */
  int numbersSeen() {
    return Math.min(numberCount, 16);
  }

  /** One of the last numbers chosen, {@code 0 <= i < numbersSeen()}. */
  long numberSeen(int i) {
    return numbers[i];
  }

  /** The choices made so far. */
  long[] values() {
    return Arrays.copyOf(values, size);
  }

  /** How wide the bounds of each choice made so far were ({@code max - min}, as unsigned longs). */
  long[] ranges() {
    return Arrays.copyOf(ranges, size);
  }

  /** The lower bound of each choice made so far. */
  long[] mins() {
    return Arrays.copyOf(mins, size);
  }

  /** The simplest value of each choice made so far. */
  long[] targets() {
    return Arrays.copyOf(targets, size);
  }

  /** The spans, as triples of start (inclusive), end (exclusive) choice index and label. */
  int[] spans() {
    return Arrays.copyOf(spans, spanCount * 3);
  }
}
