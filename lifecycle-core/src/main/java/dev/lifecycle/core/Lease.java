package dev.lifecycle.core;

import java.util.Objects;

/**
 * A claim on one value of a {@link BoundedRegistry}: while any lease of a value is open, the value
 * is neither evicted nor closed. Close the lease as soon as the value is no longer needed, with
 * try-with-resources.
 *
 * <p>The lease does not own the value: the registry does, and closes it after its last lease. A
 * lease dropped without close is found by the registry's {@link Tracker} (kind {@code lifecycle.Lease}),
 * reported as a leak and released, so a bug cannot pin a value forever: leases are an accounting
 * kind, released under {@link ReclaimPolicy#REPORT_ONLY} and at {@link DetectionLevel#OFF} too (at
 * {@code OFF} without a report).
 *
 * <p>Thread-safe.
 *
 * @param <V> the type of the value
 */
@MustClose
public final class Lease<V extends AutoCloseable> implements AutoCloseable, TrackedResource {
  private final RegistryEntry<?, V> entry;
  private final V value;
  private final Tracked tracked;

  Lease(RegistryEntry<?, V> entry, V value, ResourceKind kind) {
    this.entry = entry;
    this.value = value;
    this.tracked = kind.track(this, entry);
  }

  /**
   * The leased value; the registry owns it: do not close it.
   *
   * @throws IllegalStateException if this lease is closed, or if the registry closed and
   *     force-closed the value
   */
  public V value() {
    tracked.checkOpen();
    if (entry.state == RegistryEntry.FORCE_CLOSED) {
      throw new IllegalStateException(
          "the value of key "
              + entry.description()
              + " was force-closed when registry \""
              + entry.registry.name()
              + "\" closed while it was leased; close leases before the registry, or give the"
              + " registry a longer close timeout");
    }
    return value;
  }

  /** The key of the leased value. */
  public Object key() {
    return Objects.requireNonNull(entry.key);
  }

  /** Whether this lease is still open. */
  public boolean isOpen() {
    return tracked.isOpen();
  }

  @Override
  public Tracked tracked() {
    return tracked;
  }

  /**
   * Releases this lease; the value is closed if it was removed from the registry and this was its
   * last lease. Idempotent: closing a closed lease does nothing.
   */
  @Override
  public void close() {
    if (tracked.close()) {
      entry.close();
    }
  }

  @Override
  public String toString() {
    return "lease " + tracked.id() + " on " + entry.description();
  }
}
