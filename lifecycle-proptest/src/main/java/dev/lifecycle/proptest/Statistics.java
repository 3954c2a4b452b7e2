package dev.lifecycle.proptest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

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
  private final Map<String, Long> labels;

  private Statistics(
      int tries,
      int discarded,
      Map<String, Long> actions,
      Map<Integer, Long> lengths,
      Map<String, Long> labels) {
    this.tries = tries;
    this.discarded = discarded;
    this.actionCounts = Collections.unmodifiableMap(new LinkedHashMap<>(actions));
    this.lengths = new TreeMap<>(lengths);
    this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /**
   * Classifies the try that is running on this thread: call it inside a value property's check
   * ({@code Statistics.label(list.isEmpty() ? "empty" : "non-empty")}) and {@link #labels()}
   * counts how many tries had each label, which {@code toString()} prints with percentages. A
   * label given twice in one try counts once; outside a try, and in shrink runs, it does nothing.
   */
  public static void label(String label) {
    Labels.add(java.util.Objects.requireNonNull(label, "label"));
  }

  /** How many tries had each {@link #label}, by label, in the order first seen. */
  public Map<String, Long> labels() {
    return labels;
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
    if (!labels.isEmpty()) {
      int labelWidth = 5;
      for (String label : labels.keySet()) {
        labelWidth = Math.max(labelWidth, label.length());
      }
      out.append("\nlabels:");
      for (Map.Entry<String, Long> e : labels.entrySet()) {
        double percent = tries == 0 ? 0 : 100.0 * e.getValue() / tries;
        out.append(
            String.format(
                Locale.ROOT, "%n  %-" + labelWidth + "s %8d  %5.1f%%", e.getKey(), e.getValue(), percent));
      }
    }
    return out.toString();
  }

  /** The labels of the try running on this thread; what {@link #label} adds to. */
  static final class Labels implements AutoCloseable {
    private static final ThreadLocal<@Nullable Labels> CURRENT = new ThreadLocal<>();
    private static final Labels IGNORED = new Labels(null);

    private final @Nullable Recorder recorder;
    private final Set<String> seen = new LinkedHashSet<>();
    private boolean discarded;

    private Labels(@Nullable Recorder recorder) {
      this.recorder = recorder;
    }

    /** Starts collecting for a try into {@code recorder}, or ignoring labels if it is null. */
    static Labels open(@Nullable Recorder recorder) {
      if (recorder == null) {
        CURRENT.set(IGNORED);
        return IGNORED;
      }
      Labels labels = new Labels(recorder);
      CURRENT.set(labels);
      return labels;
    }

    static void add(String label) {
      Labels labels = CURRENT.get();
      if (labels != null && labels.recorder != null) {
        labels.seen.add(label);
      }
    }

    /** The try was discarded: its labels do not count. */
    void discard() {
      discarded = true;
    }

    @Override
    public void close() {
      CURRENT.remove();
      if (recorder != null && !discarded) {
        for (String label : seen) {
          recorder.label(label);
        }
      }
    }
  }

  /** Collects statistics during a run. Not thread-safe: one recorder belongs to one run. */
  static final class Recorder {
    private int tries;
    private int discarded;
    private final List<String> names = new ArrayList<>();
    private long[] counts = new long[4];
    private final Map<Integer, Long> lengths = new TreeMap<>();
    private final Map<String, Long> labels = new LinkedHashMap<>();

    void label(String label) {
      labels.merge(label, 1L, Long::sum);
    }

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
      return new Statistics(tries, discarded, actions, lengths, labels);
    }
  }
}
