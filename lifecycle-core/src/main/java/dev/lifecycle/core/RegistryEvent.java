package dev.lifecycle.core;

import dev.lifecycle.core.internal.Require;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to one value of a {@link BoundedRegistry}: created, evicted, closed, or
 * failed to close.
 *
 * <p>Immutable. Holds no secret: the key is shown as its {@code toString()} with user info and
 * passwords masked.
 *
 * @param registry the registry's name
 * @param key the value's key, masked
 * @param cause why the value was removed, or {@code null} for a creation
 * @param failure what the value's {@code close()} threw, masked, or {@code null}
 */
public record RegistryEvent(
    String registry, String key, @Nullable RemovalCause cause, @Nullable String failure) {

  /** Rejects a null registry name or key. */
  public RegistryEvent {
    Require.nonNull(registry, "registry");
    Require.nonNull(key, "key");
  }
}
