package dev.lifecycle.proptest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit Jupiter test method that is a property: its {@link ForAll} parameters are generated,
 * the method runs once per try, and a failure is shrunk and reported like {@link Property#check}.
 *
 * <pre>{@code
 * @PropertyTest(tries = 500)
 * void reverseTwice(@ForAll("lists") List<Integer> list) {
 *   assertThat(reverse(reverse(list))).isEqualTo(list);
 * }
 *
 * Gen<List<Integer>> lists() {
 *   return Gen.lists(Gen.ints(0, 9));
 * }
 * }</pre>
 *
 * <p>The property is one test (one template invocation): {@code @BeforeEach} and {@code
 * @AfterEach} run once around all its tries, not around each try; an extension that must check
 * each try registers a {@link TryHook}. Parameters without
 * {@code @ForAll} ({@code TestInfo}, {@code TestReporter}, ...) are resolved by JUnit as usual. The
 * statistics are published as the report entry {@code lifecycle.pbt.statistics}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(PropertyTestExtension.class)
public @interface PropertyTest {
  /** How many tries; 0 (the default) means {@code lifecycle.pbt.tries}, else 100. */
  int tries() default 0;

  /**
   * The seed as a decimal long, to re-run a reported failure; empty (the default) means a new
   * random seed per run. The system property {@code lifecycle.pbt.seed} wins over it.
   */
  String seed() default "";

  /**
   * The time budget as an ISO-8601 duration ({@code "PT30S"}); empty (the default) means {@code
   * lifecycle.pbt.maxDuration}, else 10 seconds.
   */
  String maxDuration() default "";
}
