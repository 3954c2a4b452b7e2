/**
 * lifecycle-core: ownership scopes, tracked resources and leak detection.
 *
 * <p>Only {@code dev.lifecycle.core} is exported; implementation classes are package-private.
 */
module dev.lifecycle.core {
  requires static transitive org.jspecify;
  requires static transitive com.google.errorprone.annotations;
  requires java.management; // the inventory MXBean
  requires jdk.jfr; // leak and long-hold events

  exports dev.lifecycle.core;
}
