package dev.lifecycle.proptest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever a generator throws while it generates is reported with the seed and the name. */
final class GenerationFailureTest {
  /** A tree whose every node has a child: its recursion never ends. */
  record Endless(Endless child) {}

  static Gen<Endless> endless() {
    return Gen.lazy(GenerationFailureTest::endless).map(Endless::new);
  }

  @Test
  void check_mapThrows_reportedWithSeedAndNameAndShrunk() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.ints(-1000, 1000).map(x -> 12 / x))
                    .seed(7)
                    .check(quotient -> assertThat(quotient).isNotNull()));

    assertThat(failure.getMessage())
        .startsWith("GenerationFailureTest.check_mapThrows_reportedWithSeedAndNameAndShrunk: property")
        .contains("generating the arguments threw", "java.lang.ArithmeticException: / by zero")
        .contains("-Dlifecycle.pbt.seed=" + failure.seed());
    assertThat(failure.minimal()).isEqualTo("arg0 = (its generator threw)");
    assertThat(failure.getCause()).isInstanceOf(ArithmeticException.class);
    assertThat(failure.propertyName())
        .isEqualTo("GenerationFailureTest.check_mapThrows_reportedWithSeedAndNameAndShrunk");
  }

  @Test
  void check_generatorOverflowsTheStack_reportedWithSeed() {
    Gen<Integer> overflowing = Gen.ints(0, 9).map(GenerationFailureTest::recurseForever);

    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () -> Property.forAll(overflowing).named("overflow").seed(3).check(x -> {}));

    assertThat(failure.getCause()).isInstanceOf(StackOverflowError.class);
    assertThat(failure.getMessage()).startsWith("overflow: property failed on try 1").contains("seed");
  }

  /** Recurses about four billion levels deep: the stack runs out long before. */
  private static int recurseForever(int x) {
    return x == -1 ? 0 : recurseForever(x + 1) + 1;
  }

  @Test
  void check_endlessLazyRecursion_cutOffBeforeTheStackRunsOut() {
    IllegalStateException failure =
        catchThrowableOfType(
            IllegalStateException.class,
            () -> Property.forAll(endless()).named("endless").seed(5).tries(3).check(e -> {}));

    assertThat(failure)
        .hasMessageStartingWith("endless: property discarded 31 tries and passed 0")
        .hasMessageContaining("generators nested deeper than " + Choices.MAX_NESTING + " levels")
        .hasMessageContaining("(last discarded seed: ");
  }

  @Test
  void recursive_hugeMaxDepth_cutOffByTheNestingBudget() {
    Gen<List<Object>> deep =
        Gen.recursive(Gen.constant(List.of()), self -> self.map(List::<Object>of), 1_000_000);

    long[] alwaysRecurse = new long[100_000];
    java.util.Arrays.fill(alwaysRecurse, 1);

    List<Object> tree = deep.generate(Choices.replay(alwaysRecurse, Shrinker.CHOICE_LIMIT));

    assertThat(depth(tree)).isBetween(Choices.MAX_NESTING / 4, Choices.MAX_NESTING);
  }

  private static int depth(List<?> tree) {
    int depth = 0;
    while (!tree.isEmpty()) {
      tree = (List<?>) tree.get(0);
      depth++;
    }
    return depth;
  }

  @Test
  void stateful_parameterGeneratorThrows_reportedAsAFailingStep() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                Stateful.of(Object::new, Object::new)
                    .action("divide", Gen.ints(0, 3).map(x -> 12 / x), (m, s, q) -> {})
                    .seed(1)
                    .check());

    assertThat(failure.getMessage()).contains("generating step 1 threw", "/ by zero");
    assertThat(failure.getMessage())
        .startsWith("GenerationFailureTest.stateful_parameterGeneratorThrows_reportedAsAFailingStep");
  }
}
