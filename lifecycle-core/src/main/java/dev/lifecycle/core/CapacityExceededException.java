package dev.lifecycle.core;

/**
 * A bounded structure had no room within the time it was allowed to wait: a {@link
 * BoundedRegistry} at capacity with every value leased, or {@link KeyedPermits} at a key's or the
 * global limit. The message names the key, the limit and how much of it is in use.
 */
public final class CapacityExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CapacityExceededException(String message) {
    super(message);
  }
}
