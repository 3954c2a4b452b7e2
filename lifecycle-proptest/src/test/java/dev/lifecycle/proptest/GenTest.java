package dev.lifecycle.proptest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class GenTest {
  private static final int N = 2_000;

  @Test
  void ints_stayInRangeAndHitEdgeCases() {
    List<Integer> values = Gen.ints(-5, 1_000_000).samples(N, 1);

    assertThat(values).allSatisfy(v -> assertThat(v).isBetween(-5, 1_000_000));
    assertThat(values).contains(-5, -4, -1, 0, 1, 999_999, 1_000_000);
  }

  @Test
  void ints_fullRange_hitsBothEndsAndSmallValues() {
    List<Integer> values = Gen.ints().samples(N, 2);

    assertThat(values).contains(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, 1, -1);
    assertThat(values).anySatisfy(v -> assertThat(v).isBetween(2, 1000));
  }

  @Test
  void longs_fullRange_hitsBothEnds() {
    assertThat(Gen.longs().samples(N, 3)).contains(Long.MIN_VALUE, Long.MAX_VALUE, 0L);
  }

  @Test
  void longs_minAboveMax_fails() {
    assertThatThrownBy(() -> Gen.longs(3, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("min > max: 3 > 2; pass the smaller bound first");
  }

  @Test
  void samples_sameSeed_sameValues() {
    Gen<List<String>> gen = Gen.lists(Gen.strings(), 0, 5);

    assertThat(gen.samples(50, 99)).isEqualTo(gen.samples(50, 99));
    assertThat(gen.samples(50, 99)).isNotEqualTo(gen.samples(50, 100));
  }

  @Test
  void booleans_giveBoth() {
    assertThat(Gen.booleans().samples(100, 4)).contains(true, false);
  }

  enum Color {
    RED,
    GREEN,
    BLUE
  }

  @Test
  void enumValues_giveEveryConstant() {
    assertThat(Gen.enumValues(Color.class).samples(100, 5)).contains(Color.values());
  }

  @Test
  void elementOf_empty_fails() {
    assertThatThrownBy(() -> Gen.elementOf(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no values to choose from; pass at least one value");
  }

  @Test
  void oneOf_givesValuesOfEveryGenerator() {
    List<Integer> values = Gen.oneOf(Gen.ints(0, 9), Gen.ints(100, 109)).samples(200, 6);

    assertThat(values).anySatisfy(v -> assertThat(v).isLessThan(10));
    assertThat(values).anySatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(100));
  }

  @Test
  void frequency_followsWeights() {
    List<String> values =
        Gen.frequency(
                Gen.weighted(9, Gen.constant("common")), Gen.weighted(1, Gen.constant("rare")))
            .samples(N, 7);

    long rare = values.stream().filter("rare"::equals).count();
    assertThat(rare).isBetween(N / 20L, N / 5L); // 10 % expected
  }

  @Test
  void weighted_zeroWeight_fails() {
    assertThatThrownBy(() -> Gen.weighted(0, Gen.booleans()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight < 1: 0; weights are positive");
  }

  @Test
  void lists_respectSizeRange() {
    List<List<Integer>> lists = Gen.lists(Gen.ints(0, 3), 2, 12).samples(500, 8);

    assertThat(lists).allSatisfy(l -> assertThat(l).hasSizeBetween(2, 12));
    assertThat(lists).anySatisfy(l -> assertThat(l).hasSize(2));
    assertThat(lists).anySatisfy(l -> assertThat(l).hasSize(12));
  }

  @Test
  void lists_badSizes_fail() {
    assertThatThrownBy(() -> Gen.lists(Gen.booleans(), 3, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad size range [3, 2]; sizes need 0 <= minSize <= maxSize");
  }

  @Test
  void sets_areDistinctAndInRange() {
    List<Set<Integer>> sets = Gen.sets(Gen.ints(0, 20), 3, 6).samples(500, 9);

    assertThat(sets).allSatisfy(s -> assertThat(s).hasSizeBetween(3, 6));
  }

  @Test
  void sets_tooFewDistinctValues_failWithMessage() {
    Gen<Set<Boolean>> impossible = Gen.sets(Gen.booleans(), 3, 3);

    assertThatThrownBy(() -> impossible.samples(1, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("sets(booleans(), 3, 3) rejected 100 duplicate elements in a row");
  }

  @Test
  void strings_useTheAlphabet() {
    List<String> strings = Gen.strings("xy", 1, 4).samples(200, 10);

    assertThat(strings).allSatisfy(s -> assertThat(s).matches("[xy]{1,4}"));
    assertThat(Gen.strings().samples(200, 11)).allSatisfy(s -> assertThat(s).hasSizeLessThan(9));
  }

  @Test
  void durations_stayInRange() {
    Duration max = Duration.ofSeconds(5);

    assertThat(Gen.durations(Duration.ZERO, max).samples(N, 12))
        .allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, max))
        .contains(Duration.ZERO, max, Duration.ofNanos(1));
  }

  @Test
  void durations_outOfNanosRange_fails() {
    assertThatThrownBy(() -> Gen.durations(Duration.ZERO, Duration.ofDays(365L * 1000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("duration out of range: PT8760000H;");
  }

  @Test
  void mapAndFlatMapAndZip_compose() {
    Gen<List<Integer>> sized =
        Gen.ints(1, 4).flatMap(n -> Gen.lists(Gen.ints(0, 9).map(x -> x * 10), n, n));
    Gen<String> pairs = Gen.zip(Gen.ints(0, 9), Gen.booleans(), (i, b) -> i + ":" + b);

    assertThat(sized.samples(200, 13))
        .allSatisfy(l -> assertThat(l).hasSizeBetween(1, 4).allMatch(x -> x % 10 == 0));
    assertThat(pairs.samples(50, 14)).allSatisfy(p -> assertThat(p).matches("\\d:(true|false)"));
  }

  @Test
  void filter_keepsOnlyAccepted() {
    assertThat(Gen.ints(0, 100).filter("even", x -> x % 2 == 0).samples(200, 15))
        .allMatch(x -> x % 2 == 0);
  }

  @Test
  void filter_rejectingEverything_failsNamingTheFilter() {
    Gen<Integer> never = Gen.ints(0, 10).filter("negative", x -> x < 0);

    assertThatThrownBy(() -> never.samples(1, 16))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "filter \"negative\" on ints(0, 10) rejected 100 values in a row; generate valid"
                + " values directly (map, or narrower bounds) instead of filtering");
  }

  @Test
  void shrinking_worksThroughMapFilterAndFlatMap() {
    Gen<Integer> evenTens = Gen.ints(0, 10_000).map(x -> x * 10).filter("even", x -> x % 20 == 0);

    PropertyFailure failure =
        catchFailure(
            () -> Property.forAll(evenTens).seed(17).check(x -> assertThat(x).isLessThan(5_000)));

    assertThat(failure.minimal()).isEqualTo("arg0 = 5000");
  }

  @Test
  void shrinking_flatMappedList_findsSmallestSizeAndValues() {
    Gen<List<Integer>> sized = Gen.ints(0, 20).flatMap(n -> Gen.lists(Gen.ints(0, 99), n, n));

    PropertyFailure failure =
        catchFailure(
            () ->
                Property.forAll(sized)
                    .seed(18)
                    .check(l -> assertThat(l.stream().mapToInt(x -> x).sum()).isLessThan(50)));

    assertThat(failure.minimal()).isEqualTo("arg0 = [50]");
  }

  @Test
  void longs_areVaried() {
    Set<Long> distinct = new HashSet<>(Gen.longs().samples(10_000, 19));

    assertThat(distinct.size()).isGreaterThan(5_000);
  }

  @Test
  void smallNumbers_stayInRange() {
    assertThat(Gen.shorts().samples(N, 4)).contains(Short.MIN_VALUE, Short.MAX_VALUE, (short) 0);
    assertThat(Gen.bytes((byte) -3, (byte) 3).samples(N, 4))
        .allSatisfy(b -> assertThat(b).isBetween((byte) -3, (byte) 3));
    assertThat(Gen.chars('x', 'z').samples(N, 4)).containsOnly('x', 'y', 'z');
    assertThat(Gen.chars("ab").samples(N, 4)).containsOnly('a', 'b');
  }

  @Test
  void doubles_stayInRangeWithFractionsAndBounds() {
    List<Double> values = Gen.doubles(-2.5, 7.25).samples(N, 5);

    assertThat(values).allSatisfy(d -> assertThat(d).isBetween(-2.5, 7.25));
    assertThat(values).contains(-2.5, 7.25, 0.0);
    assertThat(values).anySatisfy(d -> assertThat(d % 1).isNotZero());
    assertThat(Gen.doubles(0.25, 0.5).samples(N, 5)).allSatisfy(d -> assertThat(d).isBetween(0.25, 0.5));
    assertThatThrownBy(() -> Gen.doubles(1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad double range [1.0, NaN]; pass finite bounds, the smaller first");
  }

  @Test
  void nullable_generatesNullAndShrinksToIt() {
    assertThat(Gen.nullable(Gen.ints()).samples(N, 6)).containsNull().anySatisfy(x -> assertThat(x).isNotNull());

    PropertyFailure failure =
        catchFailure(
            () ->
                Property.forAll(Gen.nullable(Gen.ints()), Gen.ints(0, 100))
                    .seed(3)
                    .check((x, y) -> assertThat(y).isLessThan(10)));
    assertThat(failure.minimal()).isEqualTo("arg0 = null\narg1 = 10");
  }

  @Test
  void mapToNull_failsNamingTheGenerator() {
    assertThatThrownBy(() -> Gen.ints(0, 3).map(x -> (Object) null).samples(1, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("ints(0, 3).map(..) generated null; wrap it in Gen.nullable(..) if null is a valid value");
  }

  /** An expression: a literal or a sum. */
  sealed interface Expr permits Lit, Sum {}

  record Lit(int value) implements Expr {}

  record Sum(Expr left, Expr right) implements Expr {}

  static int depth(Expr e) {
    return e instanceof Sum sum ? 1 + Math.max(depth(sum.left()), depth(sum.right())) : 0;
  }

  @Test
  void recursive_boundedByMaxDepth_andShrinksToASubtree() {
    Gen<Expr> exprs =
        Gen.recursive(Gen.ints(0, 9).map(Lit::new), self -> Gen.zip(self, self, Sum::new), 4);

    assertThat(exprs.samples(N, 7)).allSatisfy(e -> assertThat(depth(e)).isLessThanOrEqualTo(4));
    assertThat(exprs.samples(N, 7)).anySatisfy(e -> assertThat(depth(e)).isEqualTo(4));
    PropertyFailure failure =
        catchFailure(
            () ->
                Property.forAll(exprs)
                    .seed(8)
                    .check(e -> assertThat(e.toString()).doesNotContain("value=7")));
    assertThat(failure.minimal()).isEqualTo("arg0 = Lit[value=7]");
  }

  @Test
  void lazy_suppliesItsGeneratorOnce() {
    int[] made = new int[1];
    Gen<Integer> lazy =
        Gen.lazy(
            () -> {
              made[0]++;
              return Gen.ints(0, 3);
            });

    assertThat(lazy.samples(50, 1)).allSatisfy(x -> assertThat(x).isBetween(0, 3));
    assertThat(made[0]).isEqualTo(1);
  }

  static PropertyFailure catchFailure(org.assertj.core.api.ThrowableAssert.ThrowingCallable run) {
    return org.assertj.core.api.Assertions.catchThrowableOfType(PropertyFailure.class, run);
  }
}
