package dev.lifecycle.proptest;

import static dev.lifecycle.proptest.GenTest.catchFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

final class PropertyCheckTest {
  @Test
  void check_holds_runsEveryTry() {
    Statistics statistics =
        Property.forAll(Gen.lists(Gen.ints()))
            .tries(250)
            .check(l -> assertThat(l).hasSizeLessThanOrEqualTo(10));

    assertThat(statistics.tries()).isEqualTo(250);
    assertThat(statistics.discarded()).isZero();
  }

  @Test
  void check_fails_reportsMinimalOriginalAndSeed() {
    PropertyFailure failure =
        catchFailure(
            () ->
                Property.forAll(Gen.ints(0, 1_000_000), Gen.ints(0, 1_000_000))
                    .seed(1)
                    .check((a, b) -> assertThat(a + b).isLessThan(1000)));

    // The amount moves onto the last argument: the first one is the simpler to have at 0.
    assertThat(failure.minimal()).isEqualTo("arg0 = 0\narg1 = 1000");
    assertThat(failure.counterexample()).containsExactly(0, 1000);
    assertThat(failure.original()).isNotEqualTo(failure.minimal()).startsWith("arg0 = ");
    assertThat(failure.getMessage())
        .startsWith("PropertyCheckTest.check_fails_reportsMinimalOriginalAndSeed: property failed on try ")
        .contains("minimal counterexample:\n  " + failure.minimal().replace("\n", "\n  "))
        .contains("\n  threw:\n    java.lang.AssertionError:\n    Expecting actual:\n      1000\n")
        .contains("original counterexample:\n  arg0 = ")
        .endsWith(
            "re-run exactly this case: -Dlifecycle.pbt.seed="
                + failure.seed()
                + " (or seed("
                + failure.seed()
                + "L) in code)");
    assertThat(failure.getCause()).isInstanceOf(AssertionError.class);
  }

  @Test
  void check_reportedSeed_failsOnFirstTryWithSameCases() {
    Gen<List<Integer>> lists = Gen.lists(Gen.ints(0, 50), 0, 20);
    Property.Check1<List<Integer>> noSeven = l -> assertThat(l).doesNotContain(7);
    PropertyFailure first = catchFailure(() -> Property.forAll(lists).seed(5).check(noSeven));

    PropertyFailure again =
        catchFailure(() -> Property.forAll(lists).seed(first.seed()).check(noSeven));

    assertThat(first.tries()).isGreaterThan(1);
    assertThat(again.tries()).isEqualTo(1);
    assertThat(again.original()).isEqualTo(first.original());
    assertThat(again.minimal()).isEqualTo(first.minimal()).isEqualTo("arg0 = [7]");
  }

  @Test
  void check_sameSeed_sameTriesAndSameMinimal() {
    for (long seed = 0; seed < 5; seed++) {
      long s = seed;
      List<String> runs = new ArrayList<>();
      for (int run = 0; run < 3; run++) {
        List<List<Integer>> seen = new ArrayList<>();
        PropertyFailure failure =
            catchFailure(
                () ->
                    Property.forAll(Gen.lists(Gen.ints(-100, 100), 0, 15))
                        .seed(s)
                        .check(
                            l -> {
                              seen.add(l);
                              assertThat(l.stream().mapToInt(x -> x).sum()).isLessThan(150);
                            }));
        runs.add(seen + " -> " + failure.minimal());
      }
      assertThat(runs).containsOnly(runs.get(0));
    }
  }

  @Test
  void check_checkThrowsCheckedException_isACounterexample() {
    PropertyFailure failure =
        catchFailure(
            () ->
                Property.forAll(Gen.ints(0, 100))
                    .seed(3)
                    .check(
                        x -> {
                          if (x > 10) {
                            throw new java.io.IOException("too big: " + x);
                          }
                        }));

    assertThat(failure.minimal()).isEqualTo("arg0 = 11");
    assertThat(failure.getCause()).hasMessage("too big: 11");
    assertThat(failure.getSuppressed()).hasSize(1);
  }

  @Test
  void check_failedAssumption_discardsTheTry() {
    Statistics statistics =
        Property.forAll(Gen.ints(0, 9))
            .seed(4)
            .check(
                x -> {
                  Assumptions.assumeTrue(x % 2 == 0);
                  assertThat(x % 2).isZero();
                });

    assertThat(statistics.tries()).isEqualTo(100);
    assertThat(statistics.discarded()).isPositive();
  }

  @Test
  void forAll_fiveArguments_labelsCounted() {
    Statistics statistics =
        Property.forAll(Gen.ints(0, 9), Gen.booleans(), Gen.shorts(), Gen.bytes(), Gen.chars('a', 'c'))
            .tries(200)
            .check(
                (a, b, c, d, e) -> {
                  Statistics.label(a % 2 == 0 ? "even" : "odd");
                  Statistics.label(a % 2 == 0 ? "even" : "odd"); // once per try
                  assertThat(e).isBetween('a', 'c');
                });

    assertThat(statistics.labels().keySet()).containsExactlyInAnyOrder("even", "odd");
    assertThat(statistics.labels().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(200);
    assertThat(statistics.toString()).contains("labels:", "even", "odd", "%");
  }

  @Test
  void forAll_fourArguments_minimalAsValues() {
    PropertyFailure failure =
        catchFailure(
            () ->
                Property.forAll(Gen.ints(0, 100), Gen.ints(0, 100), Gen.nullable(Gen.strings()), Gen.doubles(0, 10))
                    .seed(4)
                    .check((a, b, s, d) -> assertThat(a + b + d).isLessThan(50)));

    assertThat(failure.counterexample()).hasSize(4);
    assertThat(failure.counterexample().get(2)).isNull();
    assertThat(failure.shrinkRuns()).isPositive();
    assertThat(failure.shrinkTime()).isPositive();
    assertThat(failure.getMessage()).contains(" runs, ").contains(" ms)");
  }

  @Test
  void primitive_drawsShrinkLikeBuiltIns() {
    Gen<int[]> points =
        Gen.primitive(
            "points", in -> new int[] {(int) in.between(-9, 9), (int) in.between(-9, 9, 3)});

    PropertyFailure failure =
        catchFailure(
            () -> Property.forAll(points).seed(2).check(p -> assertThat(p[0]).isLessThan(5)));

    assertThat(failure.minimal()).isEqualTo("arg0 = [5, 3]");
    assertThat(points.samples(100, 1))
        .allSatisfy(p -> assertThat(p[0]).isBetween(-9, 9))
        .allSatisfy(p -> assertThat(p[1]).isBetween(-9, 9));
  }

  @Test
  void check_assumptionNeverHolds_failsWithMessage() {
    assertThatThrownBy(
            () -> Property.forAll(Gen.ints()).tries(10).check(x -> Assumptions.assumeTrue(false)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "PropertyCheckTest.check_assumptionNeverHolds_failsWithMessage: property discarded 101"
                + " tries and passed 0; its assumptions reject almost everything: generate valid"
                + " inputs directly (last discarded seed: ");
  }

  @Test
  void check_timeBudgetSpent_startsNoMoreTries() {
    Statistics statistics =
        Property.forAll(Gen.booleans())
            .tries(1000)
            .maxDuration(Duration.ofMillis(1))
            .check(b -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)));

    assertThat(statistics.tries()).isLessThan(1000);
  }

  @Test
  void settings_badValues_fail() {
    Property<Property.Check1<Boolean>> property = Property.forAll(Gen.booleans());

    assertThatThrownBy(() -> property.tries(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tries < 1: 0; a property needs a try");
    assertThatThrownBy(() -> property.maxDuration(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDuration not positive: PT0S; give the property some time");
  }

  @Test
  void check_threeArguments() {
    PropertyFailure failure =
        catchFailure(
            () ->
                Property.forAll(Gen.ints(0, 9), Gen.strings(), Gen.booleans())
                    .seed(6)
                    .check((i, s, b) -> assertThat(b && i > 3).isFalse()));

    assertThat(failure.minimal()).isEqualTo("arg0 = 4\narg1 = \"\"\narg2 = true");
  }
}
