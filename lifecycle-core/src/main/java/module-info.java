/**
 * lifecycle-core: ownership scopes, tracked resources and leak detection.
 *
 * <p>Only {@code dev.lifecycle.core} is exported; implementation packages stay inside the module.
 */
module dev.lifecycle.core {
  requires static transitive org.jspecify;
  requires static transitive com.google.errorprone.annotations;
  // Process health: memory pools and MXBeans, the FD counts of UnixOperatingSystemMXBean, JFR events.
  requires java.management;
  requires jdk.management;
  requires jdk.jfr;

  exports dev.lifecycle.core;
}
