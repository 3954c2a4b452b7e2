package dev.lifecycle.core;

import org.jspecify.annotations.Nullable;

/**
 * One granted permit as {@link KeyedPermits} counts it: linked into its key's list of live grants
 * (which {@link KeyedPermits#audit()} recounts) until released. It is the raw resource of its
 * {@link Permit}, so a dropped permit is released by the tracker through {@link #close()}.
 * Fields are guarded by the permits' lock.
 */
final class PermitGrant<K> implements AutoCloseable, SelfDescribing {
  final KeyedPermits<K> owner;
  final PermitKey<K> key;
  boolean released;
  @Nullable PermitGrant<K> prev;
  @Nullable PermitGrant<K> next;

  PermitGrant(KeyedPermits<K> owner, PermitKey<K> key) {
    this.owner = owner;
    this.key = key;
  }

  /** Releases the permit; does nothing if it was released already. */
  @Override
  public void close() {
    owner.release(this);
  }

  @Override
  public String describe() {
    return "key " + key.description();
  }
}
