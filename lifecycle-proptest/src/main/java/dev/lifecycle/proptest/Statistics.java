package dev.lifecycle.proptest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a property's tries covered: how many ran, and for a stateful property how often each action
 * ran and how long the sequences were. Shrinking runs are not counted.
 *
 * <p>{@link #toString()} prints a small table; properties return their statistics from {@code
 * check()}, and log them when the system property {@code lifecycle.pbt.statistics} is {@code
 * true}. Immutable.
 */
public final class Statistics {
  private final int tries;
  private final int discarded;
  private final Map<String, Long> actionCounts;
  private final TreeMap<Integer, Long> lengths;

  private Statistics(
      int tries, int discarded, Map<String, Long> actions, Map<Integer, Long> lengths) {
    this.tries = tries;
    this.discarded = discarded;
    this.actionCounts = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
    this.lengths = new TreeMap<>(lengths);
  }

  /** How many tries ran to the end (passed, or the one that failed). */
  public int tries() {
    return tries;
  }

  /** How many tries were discarded because an assumption did not hold. */
  public int discarded() {
    return discarded;
  }

  /** How many times each action ran, by action name, in the order the actions were declared. */
  public Map<String, Long> actionCounts() {
    return actionCounts;
  }

  /** How many sequences had each length (in steps), by length; empty for value properties. */
  public Map<Integer, Long> sequenceLengths() {
    return Collections.unmodifiableSortedMap(lengths);
  }

  /** The number of steps of the longest sequence, or 0. */
  public int maxSequenceLength() {
    return lengths.isEmpty() ? 0 : lengths.lastKey();
  }

  /** The mean number of steps per sequence, or 0. */
  public double meanSequenceLength() {
    long count = 0;
    long steps = 0;
    for (Map.Entry<Integer, Long> e : lengths.entrySet()) {
      count += e.getValue();
      steps += e.getKey() * e.getValue();
    }
    return count == 0 ? 0 : (double) steps / count;
  }

  /** A table of tries, action counts and sequence lengths, for people. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append("tries: ").append(tries);
    if (discarded > 0) {
      out.append(" (").append(discarded).append(" discarded)");
    }
    long total = 0;
    int width = 6;
    for (Map.Entry<String, Long> e : actionCounts.entrySet()) {
      total += e.getValue();
      width = Math.max(width, e.getKey().length());
    }
    if (!actionCounts.isEmpty()) {
      out.append("\nactions (").append(total).append(" steps):");
      for (Map.Entry<String, Long> e : actionCounts.entrySet()) {
        double percent = total == 0 ? 0 : 100.0 * e.getValue() / total;
        out.append(
            String.format(
                Locale.ROOT,
                "%n  %-" + width + "s %8d  %5.1f%%",
                e.getKey(),
                e.getValue(),
                percent));
      }
    }
    if (!lengths.isEmpty()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%nsequence lengths: min %d, mean %.1f, max %d",
              lengths.firstKey(),
              meanSequenceLength(),
              maxSequenceLength()));
    }
    return out.toString();
  }

  /** Collects statistics during a run. Not thread-safe: one recorder belongs to one run. */
  static final class Recorder {
    private int tries;
    private int discarded;
    private final List<String> names = new ArrayList<>();
    private long[] counts = new long[4];
    private final Map<Integer, Long> lengths = new TreeMap<>();

    /** Declares the action that {@link #action(int)} calls {@code names.size()}, in order. */
    void declare(String action) {
      names.add(action);
      if (names.size() > counts.length) {
        counts = Arrays.copyOf(counts, names.size() * 2);
      }
    }

    void tried() {
      tries++;
    }

    void discarded() {
      discarded++;
    }

    /** Counts a run of the action declared {@code index}th. */
    void action(int index) {
      counts[index]++;
    }

    void length(int steps) {
      lengths.merge(steps, 1L, Long::sum);
    }

    int tries() {
      return tries;
    }

    Statistics snapshot() {
      Map<String, Long> actions = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        actions.put(names.get(i), counts[i]);
      }
      return new Statistics(tries, discarded, actions, lengths);
    }
  }
}
