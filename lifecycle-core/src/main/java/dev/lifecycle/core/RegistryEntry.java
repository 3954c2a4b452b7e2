package dev.lifecycle.core;

import dev.lifecycle.core.internal.UserCode;
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
  /** The key as the registry's map holds it. */
  final KeyRef<K> ref;
  /** The thread running the factory while {@link #CREATING}: the one that must not acquire it. */
  @Nullable Thread creator;
  /** The key's masked text, made once, outside the lock (a benign race: any thread may make it). */
  private @Nullable String description;
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

  RegistryEntry(BoundedRegistry<K, V> registry, KeyRef<K> ref) {
    this.registry = registry;
    this.key = ref.key;
    this.ref = ref;
  }

  /** The key for messages and events: masked, never throwing. Call it without the lock. */
  String description() {
    String text = description;
    if (text == null) {
      text = UserCode.describe(key);
      description = text;
    }
    return text;
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
    return "entry " + description();
  }
}
