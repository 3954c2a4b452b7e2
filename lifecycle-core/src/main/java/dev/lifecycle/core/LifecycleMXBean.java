package dev.lifecycle.core;

import java.util.Map;

/**
 * The live inventory of a {@link Tracker} for JMX consoles and exporters. {@link Tracker#global()}
 * registers one as {@code dev.lifecycle:type=Tracker,name="global"}.
 */
public interface LifecycleMXBean {
  /** The detection level, such as {@code SAMPLED}. */
  String getLevel();

  /** Open tracked resources, every kind together. */
  long getLiveCount();

  /** Leaks found since start, every kind together. */
  long getLeakCount();

  /** Leak and long-hold reports suppressed by de-duplication and rate limiting. */
  long getSuppressedReportCount();

  /** Open resources per kind. */
  Map<String, Long> getLiveCountByKind();

  /** Age in milliseconds of the oldest open resource per kind (kinds with none are left out). */
  Map<String, Long> getOldestAgeMillisByKind();

  /** Leaks found per kind. */
  Map<String, Long> getLeakCountByKind();

  /** {@link Tracker#snapshot()}, printed. */
  String snapshot();
}
