/**
 * Process health: early warning before the process runs out of heap, metaspace, file descriptors or
 * threads, and a watchdog for loops that stop making progress.
 *
 * <ul>
 *   <li>{@link dev.lifecycle.core.health.HealthMonitor}: samples gauges on its own thread, fits a
 *       {@link dev.lifecycle.core.health.Trend} to each and raises a {@link
 *       dev.lifecycle.core.health.HealthAlarm} when a limit is near or a projection reaches it;
 *       {@link dev.lifecycle.core.health.HealthGaugeMXBean} shows each gauge over JMX.
 *   <li>{@link dev.lifecycle.core.health.FileDescriptors}: the process's open and maximum file
 *       descriptor counts.
 *   <li>{@link dev.lifecycle.core.health.Watchdog}: loops send heartbeats; a loop silent past its
 *       deadline is reported as a {@link dev.lifecycle.core.health.StallReport} and handled by its
 *       {@link dev.lifecycle.core.health.StallPolicy}, and its return as a {@link
 *       dev.lifecycle.core.health.StallRecovery}.
 *   <li>{@link dev.lifecycle.core.health.HealthListener}: alarms, stalls and recoveries, to your own
 *       code; {@link dev.lifecycle.core.LifecycleListener} extends it.
 * </ul>
 *
 * <p>Every type here is null-marked: parameters and results are non-null unless annotated
 * {@code @Nullable}.
 */
@NullMarked
package dev.lifecycle.core.health;

import org.jspecify.annotations.NullMarked;
