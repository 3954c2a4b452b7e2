/**
 * lifecycle-proptest: property and stateful testing on JUnit Jupiter, with seeded generators and
 * integrated shrinking.
 *
 * <p>Only {@code dev.lifecycle.proptest} is exported; the {@code @PropertyTest} extension is a
 * public class with a public constructor there, so JUnit needs no deep reflection into it.
 */
module dev.lifecycle.proptest {
  requires transitive org.junit.jupiter.api;
  requires static transitive org.jspecify;
  requires static transitive com.google.errorprone.annotations;

  exports dev.lifecycle.proptest;
}
