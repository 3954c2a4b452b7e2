/**
 * lifecycle-core: ownership scopes, tracked resources and leak detection.
 *
 * <p>Only {@code dev.lifecycle.core} is exported; implementation classes are package-private.
 */
@SuppressWarnings("module") // the qualified export names lifecycle-netty, which is compiled after core
module dev.lifecycle.core {
  requires static transitive org.jspecify;
  requires static transitive com.google.errorprone.annotations;
  requires java.management; // the inventory MXBean, memory pools, FD counts
  requires jdk.management; // UnixOperatingSystemMXBean
  requires jdk.jfr; // leak, long-hold, health-alarm and stall events

  exports dev.lifecycle.core;
  // UserCode and Require: lifecycle-netty calls user code and checks arguments the same one way.
  exports dev.lifecycle.core.internal to dev.lifecycle.netty;
}
