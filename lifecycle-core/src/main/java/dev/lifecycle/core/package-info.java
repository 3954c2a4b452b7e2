/**
 * The public API of lifecycle-core: who owns a resource, who closes it, and what happens when nobody
 * does.
 *
 * <ul>
 *   <li>{@link dev.lifecycle.core.Scope}: owns resources and closes them in reverse order, exactly
 *       once, on every path.
 *   <li>{@link dev.lifecycle.core.Tracker}, {@link dev.lifecycle.core.ResourceKind} and {@link
 *       dev.lifecycle.core.Tracked}: a wrapper registers when created and tells its handle when
 *       closed; a wrapper dropped while open is reported as a {@link dev.lifecycle.core.LeakReport}
 *       and its raw resource reclaimed, by {@link dev.lifecycle.core.DetectionLevel} and {@link
 *       dev.lifecycle.core.ReclaimPolicy}.
 *   <li>{@link dev.lifecycle.core.Tracker#snapshot()}, hold thresholds and {@link
 *       dev.lifecycle.core.LifecycleMXBean}: the live inventory.
 *   <li>{@link dev.lifecycle.core.LifecycleListener}: leaks and long holds, to System.Logger, JFR or
 *       your own code.
 *   <li>{@link dev.lifecycle.core.Owning}, {@link dev.lifecycle.core.Borrowed}, {@link
 *       dev.lifecycle.core.MustClose}: ownership for the compile-time checks.
 * </ul>
 *
 * <p>Process health (the health monitor, the watchdog, file descriptor counts) is in {@link
 * dev.lifecycle.core.health}.
 *
 * <p>Every type here is null-marked: parameters and results are non-null unless annotated
 * {@code @Nullable}.
 */
@NullMarked
package dev.lifecycle.core;

import org.jspecify.annotations.NullMarked;
