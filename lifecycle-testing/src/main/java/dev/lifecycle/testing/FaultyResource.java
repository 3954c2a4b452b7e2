package dev.lifecycle.testing;

/**
 * Any {@link AutoCloseable} behind a {@link Faults} plan; get one from {@link Faults#resource}.
 * Thread-safe. {@link #close()} closes the resource once, however often it is called.
 *
 * @param <T> the type of the resource
 */
// close() throws what the wrapped resource's close() throws, InterruptedException included
@SuppressWarnings("try")
public final class FaultyResource<T extends AutoCloseable> implements AutoCloseable {
  private final FaultCounter counter;
  private final T resource;

  FaultyResource(FaultCounter counter, T resource) {
    this.counter = counter;
    this.resource = resource;
  }

  /**
   * The resource, for one use: counts as a call.
   *
   * @throws InjectedFault on the planned call
   * @throws IllegalStateException if this wrapper was closed
   */
  public T get() {
    if (counter.isClosed()) {
      throw new IllegalStateException("faulty resource " + Texts.describe(resource) + " is closed");
    }
    counter.call("get");
    return resource;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return counter.isClosed();
  }

  /**
   * Closes the resource (after the planned delay), then throws the planned close failure.
   * Idempotent: only the first call closes, or fails.
   *
   * @throws InjectedFault if the plan says close fails
   */
  @Override
  public void close() throws Exception {
    if (!counter.startClose()) {
      return;
    }
    counter.delayClose();
    resource.close();
    if (counter.faults.failOnClose) {
      throw new InjectedFault(counter.closeFailure());
    }
  }

  @Override
  public String toString() {
    return "faulty " + Texts.describe(resource) + " " + counter.faults;
  }
}
