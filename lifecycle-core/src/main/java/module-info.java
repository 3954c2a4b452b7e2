/**
 * lifecycle-core: ownership scopes, tracked resources and leak detection.
 *
 * <p>Exported: {@code dev.lifecycle.core} (scopes, tracking, registries, permits) and {@code
 * dev.lifecycle.core.health} (health monitor, watchdog, file descriptors); implementation classes
 * are package-private.
 */
@SuppressWarnings("module") // the qualified exports name modules built after this one
module dev.lifecycle.core {
  requires static transitive org.jspecify;
  requires static transitive com.google.errorprone.annotations;
  requires java.management; // the inventory MXBean, memory pools, FD counts
  requires jdk.management; // UnixOperatingSystemMXBean
  requires jdk.jfr; // leak, long-hold, health-alarm and stall events

  exports dev.lifecycle.core;
  exports dev.lifecycle.core.health;
  // The one call path into user code (UserCode, Require), shared with the modules built on core;
  // not an API for users.
  exports dev.lifecycle.core.internal to
      dev.lifecycle.testing,
      dev.lifecycle.jdbc,
      dev.lifecycle.netty;
}
