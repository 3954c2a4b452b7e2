/**
 * lifecycle-core: ownership scopes, tracked resources and leak detection.
 *
 * <p>Only {@code dev.lifecycle.core} is exported; implementation packages stay inside the module.
 */
module dev.lifecycle.core {
  requires static transitive org.jspecify;
  requires static com.google.errorprone.annotations;

  exports dev.lifecycle.core;
}
