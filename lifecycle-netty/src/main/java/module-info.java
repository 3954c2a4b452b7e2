/**
 * lifecycle-netty: a connection governor for Netty servers (limits, FD-budget admission, idle
 * reaping, graceful drain) and a connection budget for Netty clients, on lifecycle-core.
 *
 * <p>Only {@code dev.lifecycle.netty} is exported; implementation classes are package-private.
 */
module dev.lifecycle.netty {
  requires transitive dev.lifecycle.core;
  requires transitive io.netty.transport;
  requires transitive io.netty.common;
  requires io.netty.buffer;
  requires jdk.net;
  // SystemdNotify only: the epoll classes are an optional dependency, needed where it is used.
  requires static io.netty.transport.classes.epoll;
  requires static io.netty.transport.unix.common;
  requires static transitive org.jspecify;
  requires static transitive com.google.errorprone.annotations;

  exports dev.lifecycle.netty;
}
