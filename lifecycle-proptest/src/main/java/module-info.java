/**
 * lifecycle-proptest: property and stateful testing on JUnit Jupiter, with seeded generators and
 * integrated shrinking.
 *
 * <p>Only {@code dev.lifecycle.proptest} is exported. It is opened to JUnit so that the
 * {@code @PropertyTest} extension can be instantiated on the module path.
 */
module dev.lifecycle.proptest {
  requires transitive org.junit.jupiter.api;
  requires static transitive org.jspecify;
  requires static transitive com.google.errorprone.annotations;

  exports dev.lifecycle.proptest;
  opens dev.lifecycle.proptest to org.junit.platform.commons;
}
