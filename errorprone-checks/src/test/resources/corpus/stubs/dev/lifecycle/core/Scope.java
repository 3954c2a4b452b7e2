package dev.lifecycle.core;

/**
 * Stub of lifecycle's Scope for the checks' tests: the real signatures, a subset of the members
 * (lifecycle-jdbc's LifecycleStubsTest compares them with the real class).
 */
@MustClose
public final class Scope implements AutoCloseable {
  private Scope() {}

  public static Scope open(String name) {
    throw new UnsupportedOperationException(name);
  }

  public Scope child(String name) {
    throw new UnsupportedOperationException(name);
  }

  public <T extends AutoCloseable> T own(T resource) {
    return resource;
  }

  public <T extends AutoCloseable> T release(T resource) {
    return resource;
  }

  public <T extends AutoCloseable> T transfer(T resource, Scope target) {
    return resource;
  }

  public boolean owns(AutoCloseable resource) {
    return false;
  }

  public int size() {
    return 0;
  }

  public String name() {
    return "";
  }

  public boolean isClosed() {
    return false;
  }

  @Override
  public void close() {}
}
