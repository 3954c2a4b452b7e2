package dev.lifecycle.jdbc;

import dev.lifecycle.core.LifecycleListener;

/**
 * A {@link LifecycleListener} that also hears what only JDBC wrappers report. Give it to {@link
 * JdbcOptions.Builder#listener}; a plain {@code LifecycleListener} given there gets leaks (with the
 * connection's allocation site) and long holds.
 *
 * <p>Methods are no-ops by default and are called on the thread that caused the event; they should
 * return quickly. What they throw is logged and does not stop the other listeners.
 */
public interface JdbcListener extends LifecycleListener {
  /** A connection was closed while statements or result sets it created were still open. */
  default void onUnclosedChildren(UnclosedChildrenReport report) {}

  /** A connection was used from two threads at once. */
  default void onConcurrentUse(ConcurrentUseReport report) {}
}
