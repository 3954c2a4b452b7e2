/**
 * lifecycle-testing: the one test dependency that turns a leak into a red test naming the line that
 * opened the resource.
 *
 * <p>Only {@code dev.lifecycle.testing} is exported; implementation classes are package-private.
 * {@code java.sql} is a plain requirement: the JDBC fault injectors are part of the API, and the
 * module is in every JDK that runs tests.
 */
module dev.lifecycle.testing {
  requires transitive dev.lifecycle.core;
  requires transitive dev.lifecycle.proptest;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;
  requires transitive java.sql;
  requires static transitive org.jspecify;
  requires static transitive com.google.errorprone.annotations;

  exports dev.lifecycle.testing;
  // JUnit runs the contract test's methods reflectively.
  opens dev.lifecycle.testing to org.junit.platform.commons;
}
