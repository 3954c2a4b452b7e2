package dev.lifecycle.core;

import dev.lifecycle.core.internal.UserCode;
import org.jspecify.annotations.Nullable;

/**
 * A user's key as the library's maps hold it: its {@code hashCode()} is called once, before any
 * lock is taken, and a throwing {@code equals} is caught and remembered instead of escaping from
 * the middle of a map operation. Maps stay consistent with any key; the caller checks {@link
 * #failure} after each lookup and fails its call cleanly. A stored ref is found again by identity,
 * without calling {@code equals}, so removal never fails.
 *
 * <p>Not thread-safe: each lookup uses its own ref, under the map's lock.
 */
final class KeyRef<K> {
  final K key;
  private final int hash;
  private @Nullable Throwable failure;

  private KeyRef(K key, int hash) {
    this.key = key;
    this.hash = hash;
  }

  /**
   * A ref of {@code key}, whose {@code hashCode()} is called here.
   *
   * @throws IllegalArgumentException if {@code hashCode()} throws, with what it threw as the cause
   */
  static <K> KeyRef<K> of(K key) {
    int[] hash = new int[1];
    Throwable failure = UserCode.run(() -> hash[0] = key.hashCode());
    if (failure != null) {
      throw broken(key, "hashCode()", failure);
    }
    return new KeyRef<>(key, hash[0]);
  }

  /**
   * Whether a map operation with this ref met a throwing {@code equals}; ask after each one, under
   * the map's lock, and build the {@link #equalsFailure} once the lock is released.
   */
  boolean failed() {
    return failure != null;
  }

  /**
   * What to throw once a lookup {@link #failed}: names the key (its {@code toString()} is called
   * here, so call it without a lock), with what {@code equals} threw as the cause.
   */
  IllegalArgumentException equalsFailure() {
    Throwable t = failure;
    failure = null;
    return broken(key, "equals(Object)", t == null ? new IllegalStateException("no failure") : t);
  }

  private static IllegalArgumentException broken(Object key, String method, Throwable failure) {
    return new IllegalArgumentException(
        "key "
            + UserCode.describe(key)
            + " ("
            + key.getClass().getName()
            + "): its "
            + method
            + " threw "
            + UserCode.describeFailure(failure)
            + "; keys need an equals and hashCode that do not throw",
        failure);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (other == this) {
      return true;
    }
    if (!(other instanceof KeyRef<?> that) || that.hash != hash) {
      return false;
    }
    boolean[] equal = new boolean[1];
    Throwable t = UserCode.run(() -> equal[0] = key.equals(that.key));
    if (t != null) {
      failure = t;
      return false;
    }
    return equal[0];
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return UserCode.describe(key);
  }
}
