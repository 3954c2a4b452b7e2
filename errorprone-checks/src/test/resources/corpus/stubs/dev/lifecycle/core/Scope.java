package dev.lifecycle.core;

/** Stub of lifecycle's Scope: the checks match it by name. */
public interface Scope extends AutoCloseable {
  static Scope open(String name) {
    throw new UnsupportedOperationException(name);
  }

  <T extends AutoCloseable> T own(T resource);

  <T extends AutoCloseable> T release(T resource);

  <T extends AutoCloseable> void transfer(T resource, Scope other);

  Scope child(String name);

  @Override
  void close();
}
