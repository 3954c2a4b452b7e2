package dev.lifecycle.proptest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Sets the engine's system properties, which every property in the process reads: isolated. */
@Isolated
final class SystemPropertiesTest {
  @Test
  void systemProperties_seedAndTries_override() {
    System.setProperty("lifecycle.pbt.tries", "7");
    System.setProperty("lifecycle.pbt.seed", "123");
    try {
      List<Integer> first = new ArrayList<>();
      List<Integer> second = new ArrayList<>();
      Statistics statistics = Property.forAll(Gen.ints()).seed(1).check(first::add);
      Property.forAll(Gen.ints()).seed(2).check(second::add);

      assertThat(statistics.tries()).isEqualTo(7);
      assertThat(first).hasSize(7).isEqualTo(second);
      assertThat(Property.forAll(Gen.ints()).tries(3).check(x -> {}).tries()).isEqualTo(3);
    } finally {
      System.clearProperty("lifecycle.pbt.tries");
      System.clearProperty("lifecycle.pbt.seed");
    }
  }

  @Test
  void triesMultiplier_multipliesDefaultAndExplicitTries() {
    System.setProperty("lifecycle.pbt.triesMultiplier", "3");
    try {
      assertThat(Property.forAll(Gen.ints()).check(x -> {}).tries()).isEqualTo(300);
      assertThat(Property.forAll(Gen.ints()).tries(5).check(x -> {}).tries()).isEqualTo(15);
      Statistics stateful =
          Stateful.of(Object::new, Object::new).action("a", (m, s) -> {}).tries(4).check();
      assertThat(stateful.tries()).isEqualTo(12);
    } finally {
      System.clearProperty("lifecycle.pbt.triesMultiplier");
    }
  }

  @Test
  void systemProperties_badValues_failWithMessage() {
    System.setProperty("lifecycle.pbt.tries", "many");
    try {
      assertThatThrownBy(() -> Property.forAll(Gen.ints()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "system property lifecycle.pbt.tries is not a positive int: \"many\"; pass e.g."
                  + " -Dlifecycle.pbt.tries=1000");
    } finally {
      System.clearProperty("lifecycle.pbt.tries");
    }
  }
}
