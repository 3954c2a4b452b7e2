package dev.lifecycle.proptest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shrinks a failing try by editing its choices: deletes whole structures (list elements, steps),
 * deletes runs of choices, then moves each choice towards its simplest value. A candidate is kept
 * only if it still fails and is simpler: fewer choices, or the same number with choices closer to
 * their targets, compared left to right. So shrinking always ends, and from the same failing try it
 * always ends at the same minimal case. Not thread-safe.
 */
final class Shrinker {
  /** A failing try: its choices, their simplest values, its spans and its failure. */
  static final class Example {
    private final long[] values;
    private final long[] targets;
    private final int[] spans;
    private final Trial.Failure failure;

    /** Takes ownership of the arrays, which nobody changes afterwards. */
    Example(long[] values, long[] targets, int[] spans, Trial.Failure failure) {
      this.values = values;
      this.targets = targets;
      this.spans = spans;
      this.failure = failure;
    }

    long[] values() {
      return values;
    }

    long[] targets() {
      return targets;
    }

    int[] spans() {
      return spans;
    }

    Trial.Failure failure() {
      return failure;
    }
  }

  static final int CHOICE_LIMIT = 100_000;

  /** How far apart two choices may be for {@link #redistribute}. */
  private static final int WINDOW = 8;

  private final Trial trial;
  private final int maxRuns;
  private final long deadlineNanos;
  /** 64-bit fingerprints of the candidates already run: a collision only skips one candidate. */
  private final Set<Long> seen = new HashSet<>();
  private Example best;
  private int runs;
  private int improvements;

  Shrinker(Trial trial, Example failing, int maxRuns, long deadlineNanos) {
    this.trial = trial;
    this.best = failing;
    this.maxRuns = maxRuns;
    this.deadlineNanos = deadlineNanos;
  }

  /** Shrinks until no pass improves, or the budget runs out; returns the simplest failing try. */
  Example shrink() {
    boolean progress = true;
    while (progress && !exhausted()) {
      progress = deleteSpans();
      progress |= deleteChunks();
      progress |= minimizeChoices();
      if (!progress) {
        progress = redistribute();
      }
    }
    return best;
  }

  /** How many shrink steps succeeded. */
  int improvements() {
    return improvements;
  }

  /** How many candidates were run. */
  int runs() {
    return runs;
  }

  private boolean exhausted() {
    return runs >= maxRuns || System.nanoTime() - deadlineNanos > 0;
  }

  private boolean deleteSpans() {
    boolean progress = false;
    int ordinal = 0;
    while (!exhausted()) {
      int[][] spans = spansLongestFirst(best.spans());
      if (ordinal >= spans.length) {
        break;
      }
      if (consider(delete(best.values(), spans[ordinal][0], spans[ordinal][1]))) {
        progress = true;
      } else {
        ordinal++;
      }
    }
    return progress;
  }

  private boolean deleteChunks() {
    boolean progress = false;
    for (int size = 4; size >= 1; size /= 2) {
      int at = best.values().length - size;
      while (at >= 0 && !exhausted()) {
        if (consider(delete(best.values(), at, at + size))) {
          progress = true;
          at = Math.min(at, best.values().length - size);
        } else {
          at--;
        }
      }
    }
    return progress;
  }

  private boolean minimizeChoices() {
    boolean progress = false;
    for (int i = 0; i < best.values().length && !exhausted(); i++) {
      long value = best.values()[i];
      long target = best.targets()[i];
      if (value == target) {
        continue;
      }
      if (consider(with(best.values(), i, target))) {
        progress = true;
        continue;
      }
      // Binary search over the distance to the target; lo does not fail, hi fails.
      long lo = 0;
      long hi = Numbers.distance(value, target);
      while (Long.compareUnsigned(hi - lo, 1) > 0 && !exhausted()) {
        long mid = lo + ((hi - lo) >>> 1);
        if (i < best.values().length
            && best.targets()[i] == target
            && consider(with(best.values(), i, Numbers.towards(target, value, mid)))) {
          hi = mid;
          progress = true;
        } else {
          lo = mid;
        }
      }
    }
    return progress;
  }

  /**
   * Moves the whole distance of a choice from its target onto a later choice nearby: {@code [12,
   * 28, 60]} with a failing sum becomes {@code [0, 40, 60]}, whose first element then goes.
   */
  private boolean redistribute() {
    boolean progress = false;
    for (int i = 0; i < best.values().length && !exhausted(); i++) {
      long[] values = best.values();
      long[] targets = best.targets();
      long moved = values[i] - targets[i];
      if (moved == 0) {
        continue;
      }
      for (int j = i + 1; j < Math.min(values.length, i + WINDOW) && !exhausted(); j++) {
        if (values[j] != targets[j] && (values[j] > targets[j]) != (moved > 0)) {
          continue; // j is on the other side of its target: moving there would cancel out
        }
        long[] candidate = with(values, i, targets[i]);
        candidate[j] = values[j] + moved;
        if ((candidate[j] > values[j]) == (moved > 0) && consider(candidate)) {
          progress = true;
          break;
        }
      }
    }
    return progress;
  }

  private boolean consider(long[] candidate) {
    if (exhausted() || !seen.add(key(candidate))) {
      return false;
    }
    runs++;
    Choices in = Choices.replay(candidate, CHOICE_LIMIT);
    Trial.Failure failure;
    try {
      failure = trial.run(in, false);
    } catch (Choices.Invalid e) {
      return false;
    }
    if (failure == null) {
      return false;
    }
    Example example = new Example(in.values(), in.targets(), in.spans(), failure);
    if (!simpler(example, best)) {
      return false;
    }
    best = example;
    improvements++;
    return true;
  }

  /** Fewer choices, or as many with the first differing one closer to its target. */
  static boolean simpler(Example a, Example b) {
    if (a.values().length != b.values().length) {
      return a.values().length < b.values().length;
    }
    for (int i = 0; i < a.values().length; i++) {
      int order =
          Long.compareUnsigned(
              Numbers.distance(a.values()[i], a.targets()[i]),
              Numbers.distance(b.values()[i], b.targets()[i]));
      if (order != 0) {
        return order < 0;
      }
    }
    return false;
  }

  private static int[][] spansLongestFirst(int[] flat) {
    List<int[]> spans = new ArrayList<>();
    Set<List<Integer>> distinct = new HashSet<>();
    for (int i = 0; i < flat.length; i += 2) {
      if (distinct.add(List.of(flat[i], flat[i + 1]))) {
        spans.add(new int[] {flat[i], flat[i + 1]});
      }
    }
    spans.sort((x, y) -> x[1] - x[0] != y[1] - y[0] ? (y[1] - y[0]) - (x[1] - x[0]) : x[0] - y[0]);
    return spans.toArray(new int[0][]);
  }

  private static long[] delete(long[] values, int from, int to) {
    long[] result = new long[values.length - (to - from)];
    System.arraycopy(values, 0, result, 0, from);
    System.arraycopy(values, to, result, from, values.length - to);
    return result;
  }

  private static long[] with(long[] values, int index, long value) {
    long[] result = Arrays.copyOf(values, values.length);
    result[index] = value;
    return result;
  }

  private static long key(long[] values) {
    long hash = values.length;
    for (long v : values) {
      hash = Settings.nextSeed(hash ^ v);
    }
    return hash;
  }
}
