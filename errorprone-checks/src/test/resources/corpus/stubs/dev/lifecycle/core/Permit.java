package dev.lifecycle.core;

/** Stub of lifecycle's Permit: the real signatures, a subset of the members. */
@MustClose
public final class Permit implements AutoCloseable {
  private Permit() {}

  public Object key() {
    throw new UnsupportedOperationException();
  }

  public boolean isOpen() {
    return false;
  }

  @Override
  public void close() {}
}
