package dev.lifecycle.core;

/** Stub of lifecycle's Permit. */
public interface Permit extends AutoCloseable {
  @Override
  void close();
}
