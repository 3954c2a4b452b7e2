package dev.lifecycle.core;

import org.jspecify.annotations.Nullable;

/**
 * One key's value in a {@link BoundedRegistry}, with its lease count and its place in the idle
 * list. Fields are guarded by the registry's lock, except {@link #state}, which leases read
 * without it.
 *
 * <p>It is also the raw resource of each of its {@link Lease}s: closing it releases one lease, which
 * is what the tracker does for a lease that was dropped without close.
 */
final class RegistryEntry<K, V extends AutoCloseable> implements AutoCloseable {
  /** The value is being created by the first acquirer; others wait. */
  static final int CREATING = 0;
  /** In the registry, usable. */
  static final int LIVE = 1;
  /** Removed from the registry; closed after its last lease. */
  static final int RETIRED = 2;
  /** Closed, or being closed. */
  static final int CLOSED = 3;
  /** Closed by the registry's close while still leased. */
  static final int FORCE_CLOSED = 4;

  final BoundedRegistry<K, V> registry;
  final K key;
  @Nullable V value;
  volatile int state = CREATING;
  int leases;
  long lastUsed;
  RemovalCause cause = RemovalCause.EXPLICIT;
  /** Evicted to make room for a new key, which took over its room: closing it frees none. */
  boolean roomTaken;

  /** Links of the idle list (least recently used first); both null while not idle. */
  @Nullable RegistryEntry<K, V> prev;
  @Nullable RegistryEntry<K, V> next;

  RegistryEntry(BoundedRegistry<K, V> registry, K key) {
    this.registry = registry;
    this.key = key;
  }

  boolean isIdle() {
    return prev != null;
  }

  /** Releases one lease of this entry. */
  @Override
  public void close() {
    registry.release(this);
  }

  @Override
  public String toString() {
    return "entry " + key;
  }
}
