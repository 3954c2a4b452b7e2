package dev.lifecycle.core;

/**
 * A bounded structure had no room within the time it was allowed to wait: a {@link
 * BoundedRegistry} at capacity with every value leased (or whose value of the key, being created by
 * another thread, was not ready within the wait), {@link KeyedPermits} at a key's or the global
 * limit, or an adapter built on them (lifecycle-netty's client connection budget, for one). The
 * message names the key, the limit and how much of it is in use, and the wait.
 *
 * <p>This is the one type to catch for "no room": every module of the library throws it (or, for
 * compatibility, a deprecated subclass of it), and adapters of users' own may throw it too.
 */
public class CapacityExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with {@code message}, which should name the key, the limit, what is in use and
   * what the caller can do.
   */
  public CapacityExceededException(String message) {
    super(message);
  }
}
