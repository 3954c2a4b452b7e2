package dev.lifecycle.core;

/** Stub of lifecycle's Lease: the real signatures, a subset of the members. */
@MustClose
public final class Lease<V extends AutoCloseable> implements AutoCloseable {
  private Lease() {}

  public V value() {
    throw new UnsupportedOperationException();
  }

  public Object key() {
    throw new UnsupportedOperationException();
  }

  public boolean isOpen() {
    return false;
  }

  @Override
  public void close() {}
}
