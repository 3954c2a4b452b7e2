package dev.lifecycle.core;

/** Stub of lifecycle's Lease. */
public interface Lease<V> extends AutoCloseable {
  V get();

  @Override
  void close();
}
