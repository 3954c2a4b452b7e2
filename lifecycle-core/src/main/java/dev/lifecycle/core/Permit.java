package dev.lifecycle.core;

/**
 * One permit of a {@link KeyedPermits}: counts against its key's limit and the global limit until
 * closed. Close it with try-with-resources, or hand it to a {@link Scope}.
 *
 * <p>A permit dropped without close is found by the permits' {@link Tracker} (kind {@code
 * lifecycle.Permit}), reported as a leak (naming its key, masked) and released, so the count cannot
 * drift: permits are an accounting kind, released under {@link ReclaimPolicy#REPORT_ONLY} and at
 * {@link DetectionLevel#OFF} too (at {@code OFF} without a report, but counted in the kind's leak
 * count).
 *
 * <p>Thread-safe.
 */
@MustClose
public final class Permit implements AutoCloseable, TrackedResource {
  private final PermitGrant<?> grant;
  private final Tracked tracked;

  Permit(PermitGrant<?> grant, ResourceKind kind) {
    this.grant = grant;
    this.tracked = kind.track(this, grant); // the grant names its key when a report needs it
  }

  /** The key this permit counts against. */
  public Object key() {
    return grant.key.key;
  }

  /** Whether this permit is still held. */
  public boolean isOpen() {
    return tracked.isOpen();
  }

  @Override
  public Tracked tracked() {
    return tracked;
  }

  /**
   * Releases the permit, which may go at once to a waiting acquirer. Idempotent: closing a closed
   * permit does nothing.
   */
  @Override
  public void close() {
    if (tracked.close()) {
      grant.close();
    }
  }

  @Override
  public String toString() {
    return "permit " + tracked.id() + " for " + grant.key.description();
  }
}
