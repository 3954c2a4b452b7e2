package dev.lifecycle.core;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/** {@link LifecycleMXBean} over a tracker. Thread-safe: it only reads the tracker. */
final class TrackerMXBean implements LifecycleMXBean {
  private final Tracker tracker;

  TrackerMXBean(Tracker tracker) {
    this.tracker = tracker;
  }

  @Override
  public String getLevel() {
    return tracker.level().name();
  }

  @Override
  public long getLiveCount() {
    return tracker.liveCount();
  }

  @Override
  public long getLeakCount() {
    return tracker.leakCount();
  }

  @Override
  public long getSuppressedReportCount() {
    return tracker.suppressedReportCount();
  }

  @Override
  public Map<String, Long> getLiveCountByKind() {
    return perKind(ResourceKind::liveCount);
  }

  @Override
  public Map<String, Long> getOldestAgeMillisByKind() {
    Map<String, Long> ages = new TreeMap<>();
    for (ResourceKind kind : tracker.kinds()) {
      kind.oldestAge().ifPresent(age -> ages.put(kind.name(), age.toMillis()));
    }
    return ages;
  }

  @Override
  public Map<String, Long> getLeakCountByKind() {
    return perKind(ResourceKind::leakCount);
  }

  @Override
  public String snapshot() {
    return tracker.snapshot().toString();
  }

  private Map<String, Long> perKind(ToLongFunction<ResourceKind> count) {
    Map<String, Long> counts = new TreeMap<>();
    for (ResourceKind kind : tracker.kinds()) {
      counts.put(kind.name(), count.applyAsLong(kind));
    }
    return counts;
  }
}
