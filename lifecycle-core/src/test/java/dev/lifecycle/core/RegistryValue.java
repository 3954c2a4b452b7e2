package dev.lifecycle.core;

import java.util.concurrent.atomic.AtomicInteger;

/** A value for registry tests: counts its closes, may throw on close, knows how many are open. */
class RegistryValue implements AutoCloseable {
  final String key;
  final int id;
  final boolean failOnClose;
  final AtomicInteger closes = new AtomicInteger();
  private final AtomicInteger open;

  RegistryValue(String key, int id, boolean failOnClose, AtomicInteger open) {
    this.key = key;
    this.id = id;
    this.failOnClose = failOnClose;
    this.open = open;
    open.incrementAndGet();
  }

  boolean isClosed() {
    return closes.get() > 0;
  }

  @Override
  public void close() throws java.io.IOException {
    if (closes.incrementAndGet() == 1) {
      open.decrementAndGet();
    }
    if (failOnClose) {
      throw new java.io.IOException("close of " + key + "#" + id + " failed");
    }
  }

  @Override
  public String toString() {
    return key + "#" + id;
  }
}
