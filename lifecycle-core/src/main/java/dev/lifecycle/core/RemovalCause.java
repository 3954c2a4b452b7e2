package dev.lifecycle.core;

/** Why a {@link BoundedRegistry} removed a value (and closed it, after its last lease). */
public enum RemovalCause {
  /** The least recently used idle value made room for a new key at capacity. */
  SIZE,
  /** The value stayed idle (no lease) longer than the registry's idle timeout. */
  EXPIRED,
  /** {@link BoundedRegistry#invalidate} removed it. */
  EXPLICIT,
  /** The registry closed. */
  CLOSED
}
