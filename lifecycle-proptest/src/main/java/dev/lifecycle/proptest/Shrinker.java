package dev.lifecycle.proptest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Shrinks a failing try by editing its choices. A candidate is kept only if it still fails and is
 * simpler: fewer choices, or as many with the first differing one closer to its target (on a tie,
 * the one at or above its target, so 1 is simpler than -1). So shrinking always ends, and from the
 * same failing try it always ends at the same case. Not thread-safe.
 *
 * <p>The passes, run in rounds until a round improves nothing or the budget runs out:
 *
 * <ul>
 *   <li>delete a structure (a list element, a step, an argument's sub-value), alone or together
 *       with a count that announced it (a length chosen before the elements);
 *   <li>delete runs of neighbouring structures of one kind, the run grown exponentially and then
 *       narrowed by binary search, so that halving a long list costs a few runs, not one per element;
 *   <li>delete runs of 1 to 8 raw choices;
 *   <li>replace a structure by one of the same kind inside it (an expression by a sub-expression);
 *   <li>move each choice to its target, else to the mirror value on the simpler side, else as close
 *       as binary search gets;
 *   <li>lower two choices together by the same amount (keeps {@code x == y} or {@code y == x - 1}),
 *       and every choice equal to another together;
 *   <li>move an amount from one choice onto a later one (keeps a sum);
 *   <li>sort neighbouring structures of one kind, simplest first, and move an element of a later
 *       list to the end of an earlier one, so that equivalent cases end in the same order.
 * </ul>
 */
final class Shrinker {
  /** A failing try: its choices, their simplest values, its spans and its failure. */
  static final class Example {
    private final long[] values;
    private final long[] targets;
    private final long[] ranges;
    private final long[] mins;
    private final int[] spans;
    private final Trial.Failure failure;

    /** Takes ownership of the arrays, which nobody changes afterwards. */
    Example(
        long[] values,
        long[] targets,
        long[] ranges,
        long[] mins,
        int[] spans,
        Trial.Failure failure) {
      this.values = values;
      this.targets = targets;
      this.ranges = ranges;
      this.mins = mins;
      this.spans = spans;
      this.failure = failure;
    }

    /** An example of what {@code in} recorded. */
    static Example of(Choices in, Trial.Failure failure) {
      return new Example(in.values(), in.targets(), in.ranges(), in.mins(), in.spans(), failure);
    }

    long[] mins() {
      return mins;
    }

    long[] ranges() {
      return ranges;
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

  /** A structure's choices: {@code [start, end)}, made by the generator {@code label} names. */
  record Span(int start, int end, int label) {
    int length() {
      return end - start;
    }

    boolean contains(Span other) {
      return start <= other.start && other.end <= end && !equals(other);
    }
  }

  static final int CHOICE_LIMIT = 100_000;

  /** How far apart two choices may be for the passes that move two choices together. */
  private static final int WINDOW = 8;

  /** Above this many structures, the passes that compare every pair are skipped. */
  private static final int PAIRWISE_LIMIT = 600;

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
      progress |= deleteSiblingRuns();
      progress |= deleteChunks();
      progress |= passToDescendant();
      progress |= minimizeChoices();
      progress |= lowerTogether();
      progress |= lowerDuplicates();
      if (!progress) {
        progress = redistribute();
      }
      if (!progress) {
        progress = sortSiblings();
        progress |= joinSiblings();
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

  /** Whether shrinking stopped because its budget ran out, rather than because nothing improved. */
  boolean stoppedByBudget() {
    return exhausted();
  }

  private boolean exhausted() {
    return runs >= maxRuns || System.nanoTime() - deadlineNanos > 0;
  }

  // ---------------------------------------------------------------- deletion

  private boolean deleteSpans() {
    boolean progress = false;
    int ordinal = 0;
    while (!exhausted()) {
      List<Span> spans = spans(best);
      spans.sort(Comparator.comparingInt(Span::length).reversed().thenComparingInt(Span::start));
      if (ordinal >= spans.size()) {
        break;
      }
      Span span = spans.get(ordinal);
      if (span.length() == best.values().length && span.start() == 0 && spans.size() > 1) {
        ordinal++;
        continue;
      }
      if (deleteWithCount(span.start(), span.end(), 1, spans)) {
        progress = true;
      } else {
        ordinal++;
      }
    }
    return progress;
  }

  /**
   * Deletes {@code [from, to)}, which holds {@code count} structures; if that does not fail, also
   * lowers by {@code count} one of the two nearest choices before it that may have counted them.
   */
  private boolean deleteWithCount(int from, int to, int count, List<Span> spans) {
    long[] values = best.values();
    if (consider(delete(values, from, to))) {
      return true;
    }
    // What came after may have pointed past the deleted structures (indexes): lower it as well.
    long[] shifted = delete(values, from, to);
    long[] targets = delete(best.targets(), from, to);
    long[] ranges = delete(best.ranges(), from, to);
    boolean any = false;
    for (int j = from; j < shifted.length; j++) {
      if (Long.compareUnsigned(ranges[j], 1) > 0 // not a yes-or-no choice
          && Long.compareUnsigned(Numbers.distance(shifted[j], targets[j]), count) >= 0
          && shifted[j] > targets[j]) {
        shifted[j] -= count;
        any = true;
      }
    }
    if (any && consider(shifted)) {
      return true;
    }
    // A neighbour of a single deleted structure at one of its bounds: [1, 32767] becomes [-32768]
    // when the sum wraps around.
    if (count == 1) {
      long[] mins = delete(best.mins(), from, to);
      for (int j = Math.max(0, from - 1); j <= Math.min(shifted.length - 1, from) && !exhausted(); j++) {
        if (Long.compareUnsigned(ranges[j], 1) <= 0) {
          continue;
        }
        for (long bound : new long[] {mins[j], mins[j] + ranges[j]}) {
          long[] candidate = delete(values, from, to);
          if (candidate[j] != bound) {
            candidate[j] = bound;
            if (consider(candidate)) {
              return true;
            }
          }
        }
      }
    }
    int tried = 0;
    for (int j = from - 1; j >= 0 && tried < 2 && !exhausted(); j--) {
      if (insideClosedStructure(j, from, spans)) {
        continue;
      }
      long distance = Numbers.distance(values[j], best.targets()[j]);
      if (distance == 0) {
        continue;
      }
      tried++;
      if (Long.compareUnsigned(distance, count) < 0) {
        continue;
      }
      long[] candidate = delete(values, from, to);
      candidate[j] = Numbers.towards(best.targets()[j], values[j], distance - count);
      if (consider(candidate)) {
        return true;
      }
    }
    return false;
  }

  /** Whether choice {@code j} lies in a structure that ended by {@code at} (not a count of it). */
  private static boolean insideClosedStructure(int j, int at, List<Span> spans) {
    for (Span s : spans) {
      if (s.label() == 0 && s.start() <= j && j < s.end() && s.end() <= at) {
        return true;
      }
    }
    return false;
  }

  /**
   * Deletes runs of neighbouring structures of one kind: from each one on, 2, 4, 8, ... at a time
   * while that still fails, then half as many, so that deleting most of a long list costs a few
   * runs, not one per element.
   */
  private boolean deleteSiblingRuns() {
    List<List<Span>> runsOfSiblings = siblingRuns(spans(best));
    for (int r = 0; r < runsOfSiblings.size() && !exhausted(); r++) {
      List<Span> run = runsOfSiblings.get(r);
      boolean progress = false;
      for (int i = 0; i + 2 <= run.size() && !exhausted(); i++) {
        int from = run.get(i).start();
        int k = 2;
        boolean growing = true;
        while (k >= 2 && !exhausted()) {
          List<Span> spans = spans(best);
          List<Span> current = runStartingWith(from, spans);
          int at = indexOfStart(current, from);
          if (at < 0 || at + k > current.size()) {
            growing = false;
            k = Math.min(k / 2, current.size() - Math.max(at, 0));
            if (at < 0) {
              break;
            }
            continue;
          }
          if (deleteWithCount(from, current.get(at + k - 1).end(), k, spans)) {
            progress = true;
            if (growing) {
              k *= 2;
            }
          } else {
            growing = false;
            k /= 2;
          }
        }
        if (progress) {
          return true; // the structures moved: the next round starts from fresh spans
        }
      }
    }
    return false;
  }

  private List<Span> runStartingWith(int from, List<Span> spans) {
    for (List<Span> run : siblingRuns(spans)) {
      if (indexOfStart(run, from) >= 0) {
        return run;
      }
    }
    return List.of();
  }

  private static int indexOfStart(List<Span> run, int from) {
    for (int i = 0; i < run.size(); i++) {
      if (run.get(i).start() == from) {
        return i;
      }
    }
    return -1;
  }

  private boolean deleteChunks() {
    boolean progress = false;
    for (int size = 8; size >= 1; size /= 2) {
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

  // ---------------------------------------------------------------- structure

  /** Replaces a structure by a smaller one of the same kind inside it. */
  private boolean passToDescendant() {
    boolean progress = false;
    int ordinal = 0;
    while (!exhausted()) {
      List<Span> spans = labelled(spans(best));
      if (spans.size() > PAIRWISE_LIMIT) {
        return progress;
      }
      spans.sort(Comparator.comparingInt(Span::length).reversed().thenComparingInt(Span::start));
      if (ordinal >= spans.size()) {
        return progress;
      }
      Span outer = spans.get(ordinal);
      boolean improved = false;
      for (Span inner : spans) {
        if (exhausted()) {
          break;
        }
        if (inner.label() != outer.label() || !outer.contains(inner) || inner.length() == outer.length()) {
          continue;
        }
        long[] values = best.values();
        long[] candidate = new long[values.length - outer.length() + inner.length()];
        System.arraycopy(values, 0, candidate, 0, outer.start());
        System.arraycopy(values, inner.start(), candidate, outer.start(), inner.length());
        System.arraycopy(
            values, outer.end(), candidate, outer.start() + inner.length(), values.length - outer.end());
        if (consider(candidate)) {
          improved = true;
          break;
        }
      }
      if (improved) {
        progress = true;
      } else {
        ordinal++;
      }
    }
    return progress;
  }

  /** Sorts each run of neighbouring structures of one kind, simplest first. */
  private boolean sortSiblings() {
    boolean progress = false;
    List<List<Span>> runsOfSiblings = siblingRuns(spans(best));
    for (List<Span> siblings : runsOfSiblings) {
      if (exhausted()) {
        break;
      }
      if (siblings.size() < 2) {
        continue;
      }
      long[] values = best.values();
      long[] targets = best.targets();
      List<Span> sorted = new ArrayList<>(siblings);
      sorted.sort((a, b) -> compareBlocks(values, targets, a, b));
      if (sorted.equals(siblings)) {
        continue;
      }
      if (consider(reorder(values, siblings, sorted))) {
        progress = true;
        return progress; // spans moved
      }
      // Else swap neighbours that are out of order, one pair at a time.
      for (int i = 0; i + 1 < siblings.size() && !exhausted(); i++) {
        Span a = siblings.get(i);
        Span b = siblings.get(i + 1);
        if (compareBlocks(values, targets, b, a) < 0) {
          List<Span> swapped = new ArrayList<>(siblings);
          swapped.set(i, b);
          swapped.set(i + 1, a);
          if (consider(reorder(values, siblings, swapped))) {
            return true;
          }
        }
      }
    }
    return progress;
  }

  /**
   * Moves one structure to the end of a later run of structures of the same kind: an element of an
   * earlier list joins a later one, and the list it came from is deleted when that was its only
   * element. So {@code [[0], [1, 2]]} becomes {@code [[1, 2, 0]]}, and sorting does the rest.
   */
  private boolean joinSiblings() {
    List<Span> spans = spans(best);
    if (spans.size() > PAIRWISE_LIMIT) {
      return false;
    }
    List<List<Span>> runsOfSiblings = siblingRuns(spans);
    for (int a = 0; a < runsOfSiblings.size(); a++) {
      List<Span> from = runsOfSiblings.get(a);
      for (int b = 0; b < runsOfSiblings.size(); b++) {
        List<Span> into = runsOfSiblings.get(b);
        Span last = into.get(into.size() - 1);
        if (a == b || from.get(0).end() > into.get(0).start() || !sameShape(last, from.get(0))) {
          continue;
        }
        for (Span moved : from) {
          if (exhausted()) {
            return false;
          }
          @Nullable Span holder = from.size() == 1 ? parentOf(moved, spans) : null;
          Span removed =
              holder != null && holder.end() <= into.get(0).start() && !holder.contains(last)
                  ? holder
                  : moved;
          long[] values = best.values();
          long[] piece = Arrays.copyOfRange(values, moved.start(), moved.end());
          long[] candidate =
              delete(insert(values, last.end(), piece), removed.start(), removed.end());
          if (consider(candidate)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean sameShape(Span a, Span b) {
    return a.label() == b.label();
  }

  private static @Nullable Span parentOf(Span child, List<Span> spans) {
    @Nullable Span parent = null;
    for (Span s : spans) {
      if (s.label() == 0 && s.contains(child) && (parent == null || parent.contains(s))) {
        parent = s;
      }
    }
    return parent;
  }

  // ---------------------------------------------------------------- values

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
      if (value < target) { // the mirror value is simpler at the same distance
        long mirror = Numbers.towards(target, target + 1, Numbers.distance(value, target));
        if (mirror > target && consider(with(best.values(), i, mirror))) {
          progress = true;
          value = mirror;
        }
      }
      // Binary search over the distance to the target; lo does not fail, hi fails.
      long lo = 0;
      long hi = Numbers.distance(value, target);
      long from = value;
      while (Long.compareUnsigned(hi - lo, 1) > 0 && !exhausted()) {
        long mid = lo + ((hi - lo) >>> 1);
        if (i < best.values().length
            && best.targets()[i] == target
            && consider(with(best.values(), i, Numbers.towards(target, from, mid)))) {
          hi = mid;
          progress = true;
        } else {
          lo = mid;
        }
      }
      // The other side of the target, one nearer: 2 becomes -1, which -1 and 1 may not be.
      if (i < best.values().length && best.targets()[i] == target && best.values()[i] > target) {
        long distance = Numbers.distance(best.values()[i], target);
        if (Long.compareUnsigned(distance, 2) >= 0
            && consider(with(best.values(), i, Numbers.towards(target, target - 1, distance - 1)))) {
          progress = true;
        }
      }
    }
    return progress;
  }

  /** Lowers two nearby choices by the same amount, as far as binary search gets. */
  private boolean lowerTogether() {
    boolean progress = false;
    for (int i = 0; i < best.values().length && !exhausted(); i++) {
      for (int j = i + 1; j < Math.min(best.values().length, i + WINDOW) && !exhausted(); j++) {
        progress |= lowerBoth(new int[] {i, j});
      }
    }
    return progress;
  }

  /** Lowers every group of equal choices (two or more) together. */
  private boolean lowerDuplicates() {
    boolean progress = false;
    long[] values = best.values();
    long[] targets = best.targets();
    Set<Long> done = new HashSet<>();
    for (int i = 0; i < values.length && !exhausted(); i++) {
      if (values[i] == targets[i] || !done.add(values[i])) {
        continue;
      }
      List<Integer> same = new ArrayList<>();
      for (int j = i; j < values.length; j++) {
        if (values[j] == values[i] && targets[j] == targets[i]) {
          same.add(j);
        }
      }
      if (same.size() >= 2 && same.size() < values.length) {
        int[] group = same.stream().mapToInt(Integer::intValue).toArray();
        progress |= lowerBoth(group);
        if (best.values().length != values.length) {
          return progress;
        }
      }
    }
    return progress;
  }

  /** Moves the choices at {@code at} towards their targets by one amount, found by binary search. */
  private boolean lowerBoth(int[] at) {
    long[] values = best.values();
    long[] targets = best.targets();
    long most = -1; // unsigned: the smallest distance among them
    for (int i : at) {
      if (i >= values.length || values[i] == targets[i]) {
        return false;
      }
      long d = Numbers.distance(values[i], targets[i]);
      if (most == -1 || Long.compareUnsigned(d, most) < 0) {
        most = d;
      }
    }
    if (consider(lowered(values, targets, at, most))) {
      return true;
    }
    return findLargest(most, by -> consider(lowered(values, targets, at, by)));
  }

  /**
   * Finds, by exponential then binary search, the largest amount in {@code [1, most)} that {@code
   * works} accepts, assuming it accepts every amount below one that it accepts; an amount that
   * is accepted is already kept, so the largest one tried last wins. Costs one run when 1 fails.
   */
  private boolean findLargest(long most, java.util.function.LongPredicate works) {
    if (Long.compareUnsigned(most, 1) <= 0 || !works.test(1)) {
      return false;
    }
    long lo = 1;
    long hi = most; // not accepted (or not tried)
    while (Long.compareUnsigned(lo, Long.divideUnsigned(hi, 2)) < 0 && !exhausted()) {
      long next = lo * 2;
      if (works.test(next)) {
        lo = next;
      } else {
        hi = next;
        break;
      }
    }
    while (Long.compareUnsigned(hi - lo, 1) > 0 && !exhausted()) {
      long mid = lo + ((hi - lo) >>> 1);
      if (works.test(mid)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return true;
  }

  private static long[] lowered(long[] values, long[] targets, int[] at, long by) {
    long[] result = Arrays.copyOf(values, values.length);
    for (int i : at) {
      long d = Numbers.distance(values[i], targets[i]);
      result[i] = Numbers.towards(targets[i], values[i], d - by);
    }
    return result;
  }

  /**
   * Moves an amount of a choice's distance from its target onto a later choice nearby: {@code
   * [-20000, -20000]} with a failing sum becomes {@code [-7232, -32768]}, then {@code [-1,
   * -32768]}.
   */
  private boolean redistribute() {
    boolean progress = false;
    for (int i = 0; i < best.values().length && !exhausted(); i++) {
      for (int j = i + 1; j < Math.min(best.values().length, i + 2 * WINDOW) && !exhausted(); j++) {
        long[] values = best.values();
        long[] targets = best.targets();
        if (values[i] == targets[i]) {
          break;
        }
        boolean up = values[i] > targets[i];
        if (values[j] != targets[j] && (values[j] > targets[j]) != up) {
          continue; // j is on the other side of its target: moving there would cancel out
        }
        long most = Numbers.distance(values[i], targets[i]);
        if (consider(moved(values, targets, i, j, most, up))) {
          progress = true;
          continue;
        }
        int from = i;
        int to = j;
        progress |= findLargest(most, by -> consider(moved(values, targets, from, to, by, up)));
      }
    }
    return progress;
  }

  private static long[] moved(long[] values, long[] targets, int i, int j, long amount, boolean up) {
    long[] result = Arrays.copyOf(values, values.length);
    result[i] = Numbers.towards(targets[i], values[i], Numbers.distance(values[i], targets[i]) - amount);
    long next = up ? values[j] + amount : values[j] - amount;
    boolean wrapped = up ? next < values[j] : next > values[j];
    result[j] = wrapped ? (up ? Long.MAX_VALUE : Long.MIN_VALUE) : next;
    return result;
  }

  // ---------------------------------------------------------------- running candidates

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
    Example example = Example.of(in, failure);
    if (!simpler(example, best)) {
      return false;
    }
    best = example;
    improvements++;
    return true;
  }

  /** Fewer choices, or as many with the first differing one simpler. */
  static boolean simpler(Example a, Example b) {
    if (a.values().length != b.values().length) {
      return a.values().length < b.values().length;
    }
    for (int i = 0; i < a.values().length; i++) {
      int order =
          Numbers.compareSimplicity(a.values()[i], a.targets()[i], b.values()[i], b.targets()[i]);
      if (order != 0) {
        return order < 0;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- spans

  /** The distinct spans of {@code example}, in the order they were closed. */
  private static List<Span> spans(Example example) {
    int[] flat = example.spans();
    List<Span> spans = new ArrayList<>(flat.length / 3);
    Set<Span> distinct = new HashSet<>();
    for (int i = 0; i < flat.length; i += 3) {
      Span span = new Span(flat[i], flat[i + 1], flat[i + 2]);
      if (distinct.add(span)) {
        spans.add(span);
      }
    }
    return spans;
  }

  private static List<Span> labelled(List<Span> spans) {
    List<Span> result = new ArrayList<>();
    for (Span s : spans) {
      if (s.label() != 0) {
        result.add(s);
      }
    }
    return result;
  }

  /**
   * Runs of structures (unlabelled spans: list elements, steps, arguments) that follow each other
   * without a gap and have the same enclosing structure: the elements of one list.
   */
  private static List<List<Span>> siblingRuns(List<Span> all) {
    List<Span> structural = new ArrayList<>();
    for (Span s : all) {
      if (s.label() == 0) {
        structural.add(s);
      }
    }
    if (structural.size() > PAIRWISE_LIMIT) {
      return List.of();
    }
    structural.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
    List<@Nullable Span> parents = new ArrayList<>();
    for (Span s : structural) {
      parents.add(parentOf(s, structural));
    }
    List<List<Span>> runs = new ArrayList<>();
    boolean[] used = new boolean[structural.size()];
    for (int i = 0; i < structural.size(); i++) {
      if (used[i]) {
        continue;
      }
      List<Span> run = new ArrayList<>();
      run.add(structural.get(i));
      used[i] = true;
      int current = i;
      boolean extended = true;
      while (extended) {
        extended = false;
        for (int j = current + 1; j < structural.size(); j++) {
          if (!used[j]
              && structural.get(j).start() == structural.get(current).end()
              && java.util.Objects.equals(parents.get(j), parents.get(current))) {
            run.add(structural.get(j));
            used[j] = true;
            current = j;
            extended = true;
            break;
          }
        }
      }
      runs.add(run);
    }
    return runs;
  }

  /** Compares the choices of two structures: fewer first, then the first simpler choice. */
  private static int compareBlocks(long[] values, long[] targets, Span a, Span b) {
    if (a.length() != b.length()) {
      return Integer.compare(a.length(), b.length());
    }
    for (int k = 0; k < a.length(); k++) {
      int order =
          Numbers.compareSimplicity(
              values[a.start() + k], targets[a.start() + k], values[b.start() + k], targets[b.start() + k]);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  /** {@code values} with the blocks of the contiguous run {@code from} laid out as {@code to}. */
  private static long[] reorder(long[] values, List<Span> from, List<Span> to) {
    long[] result = Arrays.copyOf(values, values.length);
    int at = from.get(0).start();
    for (Span s : to) {
      System.arraycopy(values, s.start(), result, at, s.length());
      at += s.length();
    }
    return result;
  }

  private static long[] delete(long[] values, int from, int to) {
    long[] result = new long[values.length - (to - from)];
    System.arraycopy(values, 0, result, 0, from);
    System.arraycopy(values, to, result, from, values.length - to);
    return result;
  }

  private static long[] insert(long[] values, int at, long[] piece) {
    long[] result = new long[values.length + piece.length];
    System.arraycopy(values, 0, result, 0, at);
    System.arraycopy(piece, 0, result, at, piece.length);
    System.arraycopy(values, at, result, at + piece.length, values.length - at);
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
