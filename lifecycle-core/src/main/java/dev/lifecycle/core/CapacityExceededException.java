package dev.lifecycle.core;

/**
 * A bounded structure had no room within the time it was allowed to wait: a {@link
 * BoundedRegistry} at capacity with every value leased (or whose value of the key, being created by
 * another thread, was not ready within the wait), or {@link KeyedPermits} at a key's or the global
 * limit. The message names the key, the limit and how much of it is in use, and the wait.
 */
public final class CapacityExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CapacityExceededException(String message) {
    super(message);
  }
}
