package dev.lifecycle.core;

/**
 * A resource whose wrapper is tracked, and which says so: a {@link Scope} that owns it then shows
 * up as its owner in leak reports and snapshots. Implemented by wrappers that are also {@code
 * AutoCloseable}.
 */
public interface TrackedResource {
  /** The handle the wrapper got from {@link ResourceKind#track}. */
  Tracked tracked();
}
