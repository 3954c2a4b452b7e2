package dev.lifecycle.proptest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The public shrinking challenge (the jlink/shrinking-challenge repository on GitHub: eleven
 * challenges, thirteen properties, each with a planted failure and a known smallest
 * counterexample), written with this engine at its default settings. Each property runs from many
 * seeds; the test prints how often the failure was found and how often it shrank to the known
 * minimum (or one the challenge accepts as equivalent), and fails below the floors: found in 95 %
 * of the seeds, minimal in 90 %. The system property {@value #SEEDS_PROPERTY} sets the number of
 * seeds (default {@value #DEFAULT_SEEDS}); BENCHMARKS.md records a run.
 */
final class PublicShrinkingChallengeTest {
  static final String SEEDS_PROPERTY = "lifecycle.pbt.challengeSeeds";
  static final int DEFAULT_SEEDS = 30;

  /** One challenge: its name, one run from a seed, and whether a minimal case is the known one. */
  record Challenge(
      String name, LongFunction<@Nullable PropertyFailure> run, Predicate<PropertyFailure> minimal) {}

  /** What a challenge measured over the seeds. */
  record Rates(String name, int seeds, int found, int minimal, long shrinkRuns, long shrinkMillis, List<String> misses) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%-28s found %3d/%d  minimal %3d/%d  mean shrink runs %6.0f  mean shrink time %5.1f ms",
          name,
          found,
          seeds,
          minimal,
          seeds,
          found == 0 ? 0.0 : (double) shrinkRuns / found,
          found == 0 ? 0.0 : (double) shrinkMillis / found);
    }
  }

  // ------------------------------------------------------------------ reverse

  static @Nullable PropertyFailure reverse(long seed) {
    return failureOf(
        () ->
            Property.forAll(Gen.lists(Gen.ints()))
                .seed(seed)
                .check(
                    list -> {
                      List<Integer> reversed = new ArrayList<>(list);
                      Collections.reverse(reversed);
                      assertThat(reversed).isEqualTo(list);
                    }));
  }

  // ------------------------------------------------------------------ bound5

  static short sum(List<Short> list) {
    short sum = 0;
    for (short x : list) {
      sum = (short) (sum + x);
    }
    return sum;
  }

  static @Nullable PropertyFailure bound5(long seed) {
    Gen<List<Short>> list = Gen.lists(Gen.shorts()).filter("sum < 256", l -> sum(l) < 256);
    return failureOf(
        () ->
            Property.forAll(list, list, list, list, list)
                .seed(seed)
                .check(
                    (a, b, c, d, e) -> {
                      short total = (short) (sum(a) + sum(b) + sum(c) + sum(d) + sum(e));
                      assertThat(total).isLessThan((short) (5 * 256));
                    }));
  }

  /** Two of the lists are [-32768] and [-1], the others empty. */
  static boolean bound5Minimal(PropertyFailure failure) {
    List<List<Short>> nonEmpty = new ArrayList<>();
    for (Object list : failure.counterexample()) {
      if (!((List<?>) list).isEmpty()) {
        @SuppressWarnings("unchecked")
        List<Short> shorts = (List<Short>) list;
        nonEmpty.add(shorts);
      }
    }
    return nonEmpty.size() == 2
        && new HashSet<>(nonEmpty).equals(Set.of(List.of((short) -32768), List.of((short) -1)));
  }

  // ------------------------------------------------------------------ large union list

  static @Nullable PropertyFailure largeUnionList(long seed) {
    return failureOf(
        () ->
            Property.forAll(Gen.lists(Gen.lists(Gen.ints())))
                .seed(seed)
                .check(
                    lists -> {
                      Set<Integer> union = new HashSet<>();
                      lists.forEach(union::addAll);
                      assertThat(union).hasSizeLessThanOrEqualTo(4);
                    }));
  }

  // ------------------------------------------------------------------ lengthlist

  static @Nullable PropertyFailure lengthList(long seed) {
    Gen<List<Integer>> lists = Gen.ints(1, 100).flatMap(n -> Gen.lists(Gen.ints(0, 1000), n, n));
    return failureOf(
        () ->
            Property.forAll(lists)
                .seed(seed)
                .check(list -> assertThat(Collections.max(list)).isLessThan(900)));
  }

  // ------------------------------------------------------------------ difference 1, 2, 3

  static @Nullable PropertyFailure difference(long seed, Predicate<Integer> holds) {
    Gen<Integer> positive = Gen.ints(1, Integer.MAX_VALUE);
    return failureOf(
        () ->
            Property.forAll(positive, positive)
                .seed(seed)
                .check(
                    (x, y) -> {
                      if (x >= 10) {
                        assertThat(holds.test(Math.abs(x - y))).isTrue();
                      }
                    }));
  }

  // ------------------------------------------------------------------ calculator

  /** An expression of the calculator: a literal, a sum or a quotient. */
  sealed interface Expr permits Lit, Add, Div {}

  record Lit(int value) implements Expr {
    @Override
    public String toString() {
      return Integer.toString(value);
    }
  }

  record Add(Expr left, Expr right) implements Expr {
    @Override
    public String toString() {
      return "(" + left + " + " + right + ")";
    }
  }

  record Div(Expr left, Expr right) implements Expr {
    @Override
    public String toString() {
      return "(" + left + " / " + right + ")";
    }
  }

  static final Gen<Expr> EXPRESSIONS =
      Gen.recursive(
          Gen.ints().map(Lit::new),
          self -> Gen.oneOf(Gen.zip(self, self, Add::new), Gen.zip(self, self, Div::new)),
          6);

  static boolean noLiteralZeroDivisor(Expr e) {
    if (e instanceof Add add) {
      return noLiteralZeroDivisor(add.left()) && noLiteralZeroDivisor(add.right());
    }
    if (e instanceof Div div) {
      return !div.right().equals(new Lit(0))
          && noLiteralZeroDivisor(div.left())
          && noLiteralZeroDivisor(div.right());
    }
    return true;
  }

  static int evaluate(Expr e) {
    if (e instanceof Add add) {
      return evaluate(add.left()) + evaluate(add.right());
    }
    if (e instanceof Div div) {
      return evaluate(div.left()) / evaluate(div.right());
    }
    return ((Lit) e).value();
  }

  static @Nullable PropertyFailure calculator(long seed) {
    return failureOf(
        () ->
            Property.forAll(EXPRESSIONS)
                .seed(seed)
                .check(
                    e -> {
                      assumeTrue(noLiteralZeroDivisor(e));
                      evaluate(e);
                    }));
  }

  // ------------------------------------------------------------------ binheap

  /** A binary heap: every child's key is at least its parent's. */
  record Heap(int head, @Nullable Heap left, @Nullable Heap right) {
    @Override
    public String toString() {
      return "(" + head + ", " + (left == null ? "None" : left) + ", " + (right == null ? "None" : right) + ")";
    }
  }

  /** The shape of a heap: each key is its parent's plus a delta of at least 0. */
  sealed interface Shape permits Empty, Node {}

  record Empty() implements Shape {}

  record Node(int delta, Shape left, Shape right) implements Shape {}

  static final Gen<Shape> SHAPES =
      Gen.recursive(
          Gen.constant(new Empty()),
          self -> Gen.zip(Gen.ints(0, Integer.MAX_VALUE), Gen.zip(self, self, List::of),
              (delta, children) -> new Node(delta, children.get(0), children.get(1))),
          6);

  static @Nullable Heap heap(Shape shape, long parent) {
    if (!(shape instanceof Node node)) {
      return null;
    }
    long key = Math.min(Integer.MAX_VALUE, parent + node.delta());
    return new Heap((int) key, heap(node.left(), key), heap(node.right(), key));
  }

  /** A heap, or none: what the property checks. */
  record Root(@Nullable Heap heap) {
    @Override
    public String toString() {
      return heap == null ? "None" : heap.toString();
    }
  }

  static final Gen<Root> HEAPS = SHAPES.map(shape -> new Root(heap(shape, 0)));

  static @Nullable Heap merge(@Nullable Heap a, @Nullable Heap b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.head() <= b.head()
        ? new Heap(a.head(), merge(a.right(), b), a.left())
        : new Heap(b.head(), merge(b.right(), a), b.left());
  }

  static List<Integer> toList(@Nullable Heap heap) {
    List<Integer> result = new ArrayList<>();
    Deque<Heap> stack = new ArrayDeque<>();
    if (heap != null) {
      stack.push(heap);
    }
    while (!stack.isEmpty()) {
      Heap h = stack.pop();
      result.add(h.head());
      if (h.left() != null) {
        stack.push(h.left());
      }
      if (h.right() != null) {
        stack.push(h.right());
      }
    }
    return result;
  }

  /** The planted bug: the merged children are listed, not drained in order. */
  static List<Integer> wrongToSortedList(@Nullable Heap heap) {
    if (heap == null) {
      return List.of();
    }
    List<Integer> result = new ArrayList<>();
    result.add(heap.head());
    result.addAll(toList(merge(heap.left(), heap.right())));
    return result;
  }

  static @Nullable PropertyFailure binheap(long seed) {
    return failureOf(
        () ->
            Property.forAll(HEAPS)
                .seed(seed)
                .check(
                    root -> {
                      Heap heap = root.heap();
                      List<Integer> wrong = wrongToSortedList(heap);
                      List<Integer> sorted = new ArrayList<>(toList(heap));
                      Collections.sort(sorted);
                      assertThat(wrong).isEqualTo(sorted);
                    }));
  }

  /** Four keys, 0, 0, 0 and 1: the smallest heaps that fail. */
  static boolean binheapMinimal(PropertyFailure failure) {
    Heap heap = ((Root) failure.counterexample().get(0)).heap();
    List<Integer> keys = new ArrayList<>(toList(heap));
    Collections.sort(keys);
    return keys.equals(List.of(0, 0, 0, 1));
  }

  // ------------------------------------------------------------------ coupling

  static @Nullable PropertyFailure coupling(long seed) {
    return failureOf(
        () ->
            Property.forAll(Gen.lists(Gen.ints(0, 10)))
                .seed(seed)
                .check(
                    list -> {
                      assumeTrue(list.stream().allMatch(v -> v < list.size()));
                      for (int i = 0; i < list.size(); i++) {
                        int j = list.get(i);
                        if (i != j) {
                          assertThat(list.get(j)).isNotEqualTo(i);
                        }
                      }
                    }));
  }

  // ------------------------------------------------------------------ deletion

  static @Nullable PropertyFailure deletion(long seed) {
    return failureOf(
        () ->
            Property.forAll(Gen.lists(Gen.ints()), Gen.ints(0, 10))
                .seed(seed)
                .check(
                    (list, i) -> {
                      assumeTrue(i < list.size());
                      Integer x = list.get(i);
                      List<Integer> copy = new ArrayList<>(list);
                      int first = copy.indexOf(x);
                      copy.subList(first, first + 1).clear(); // removes the first x only
                      assertThat(copy).doesNotContain(x);
                    }));
  }

  // ------------------------------------------------------------------ distinct

  static @Nullable PropertyFailure distinct(long seed) {
    return failureOf(
        () ->
            Property.forAll(Gen.lists(Gen.ints()))
                .seed(seed)
                .check(list -> assertThat(new HashSet<>(list)).hasSizeLessThan(3)));
  }

  // ------------------------------------------------------------------ nestedlists

  static @Nullable PropertyFailure nestedLists(long seed) {
    // The inner lists may be longer than the default 10: the known minimum is one list of 11.
    return failureOf(
        () ->
            Property.forAll(Gen.lists(Gen.lists(Gen.ints(), 0, 20)))
                .seed(seed)
                .check(
                    lists ->
                        assertThat(lists.stream().mapToInt(List::size).sum())
                            .isLessThanOrEqualTo(10)));
  }

  // ------------------------------------------------------------------ the table

  static Predicate<PropertyFailure> shown(String... accepted) {
    Set<String> set = Set.of(accepted);
    return failure -> set.contains(failure.minimal());
  }

  static final List<Challenge> CHALLENGES =
      List.of(
          new Challenge(
              "reverse", PublicShrinkingChallengeTest::reverse, shown("arg0 = [0, 1]", "arg0 = [1, 0]")),
          new Challenge(
              "bound5", PublicShrinkingChallengeTest::bound5, PublicShrinkingChallengeTest::bound5Minimal),
          new Challenge(
              "large union list",
              PublicShrinkingChallengeTest::largeUnionList,
              shown("arg0 = [[0, 1, -1, 2, -2]]")),
          new Challenge("lengthlist", PublicShrinkingChallengeTest::lengthList, shown("arg0 = [900]")),
          new Challenge(
              "difference 1 (not zero)",
              seed -> difference(seed, d -> d != 0),
              shown("arg0 = 10\narg1 = 10")),
          new Challenge(
              "difference 2 (not small)",
              seed -> difference(seed, d -> d < 1 || d > 4),
              shown("arg0 = 10\narg1 = 6")),
          new Challenge(
              "difference 3 (not one)",
              seed -> difference(seed, d -> d != 1),
              shown("arg0 = 10\narg1 = 9")),
          new Challenge(
              "calculator", PublicShrinkingChallengeTest::calculator, shown("arg0 = (0 / (0 + 0))")),
          new Challenge(
              "binheap", PublicShrinkingChallengeTest::binheap, PublicShrinkingChallengeTest::binheapMinimal),
          new Challenge("coupling", PublicShrinkingChallengeTest::coupling, shown("arg0 = [1, 0]")),
          new Challenge(
              "deletion", PublicShrinkingChallengeTest::deletion, shown("arg0 = [0, 0]\narg1 = 0")),
          new Challenge(
              "distinct",
              PublicShrinkingChallengeTest::distinct,
              shown("arg0 = [0, 1, -1]", "arg0 = [0, 1, 2]")),
          new Challenge(
              "nestedlists",
              PublicShrinkingChallengeTest::nestedLists,
              shown("arg0 = [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]")));

  static Rates measure(Challenge challenge, int seeds) {
    int found = 0;
    int minimal = 0;
    long runs = 0;
    long millis = 0;
    List<String> misses = new ArrayList<>();
    for (long seed = 0; seed < seeds; seed++) {
      PropertyFailure failure;
      try {
        failure = challenge.run().apply(seed);
      } catch (IllegalStateException e) { // too many tries discarded: not found
        failure = null;
      }
      if (failure == null) {
        misses.add("seed " + seed + ": not found");
        continue;
      }
      found++;
      runs += failure.shrinkRuns();
      millis += failure.shrinkTime().toMillis();
      if (challenge.minimal().test(failure)) {
        minimal++;
      } else {
        misses.add("seed " + seed + ": " + failure.minimal().replace("\n", " / "));
      }
    }
    return new Rates(challenge.name(), seeds, found, minimal, runs, millis, misses);
  }

  static int seeds() {
    return Integer.getInteger(SEEDS_PROPERTY, DEFAULT_SEEDS);
  }

  private static void check(int index, TestReporter reporter) {
    Challenge challenge = CHALLENGES.get(index);
    Rates rates = measure(challenge, seeds());
    reporter.publishEntry("shrinking challenge", rates.toString());
    System.out.println(rates); // the table BENCHMARKS.md records
    String why = rates + "; misses: " + rates.misses();
    assertThat(rates.found()).as(why).isGreaterThanOrEqualTo((int) Math.ceil(rates.seeds() * 0.95));
    assertThat(rates.minimal()).as(why).isGreaterThanOrEqualTo((int) Math.ceil(rates.seeds() * 0.90));
  }

  private static @Nullable PropertyFailure failureOf(Runnable property) {
    try {
      property.run();
      return null;
    } catch (PropertyFailure failure) {
      return failure;
    }
  }

  @Test
  void reverse_foundAndShrunk(TestReporter reporter) {
    check(0, reporter);
  }

  @Test
  void bound5_foundAndShrunk(TestReporter reporter) {
    check(1, reporter);
  }

  @Test
  void largeUnionList_foundAndShrunk(TestReporter reporter) {
    check(2, reporter);
  }

  @Test
  void lengthList_foundAndShrunk(TestReporter reporter) {
    check(3, reporter);
  }

  @Test
  void differenceNotZero_foundAndShrunk(TestReporter reporter) {
    check(4, reporter);
  }

  @Test
  void differenceNotSmall_foundAndShrunk(TestReporter reporter) {
    check(5, reporter);
  }

  @Test
  void differenceNotOne_foundAndShrunk(TestReporter reporter) {
    check(6, reporter);
  }

  @Test
  void calculator_foundAndShrunk(TestReporter reporter) {
    check(7, reporter);
  }

  @Test
  void binheap_foundAndShrunk(TestReporter reporter) {
    check(8, reporter);
  }

  @Test
  void coupling_foundAndShrunk(TestReporter reporter) {
    check(9, reporter);
  }

  @Test
  void deletion_foundAndShrunk(TestReporter reporter) {
    check(10, reporter);
  }

  @Test
  void distinct_foundAndShrunk(TestReporter reporter) {
    check(11, reporter);
  }

  @Test
  void nestedLists_foundAndShrunk(TestReporter reporter) {
    check(12, reporter);
  }
}
