package dev.lifecycle.demo;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One variant of a scenario's service, as it runs inside a {@link Child} JVM. Each scenario has one
 * class per variant behind this seam: the unprotected one as the postmortem's code was written, the
 * protected one with lifecycle.
 */
interface ChildRun {
  /** Binds and starts the service; returns the port it listens on, or 0 when it has none. */
  int start(Settings settings, Wire wire) throws Exception;

  /** The service's own figures, sampled with the heap (after GC) on every sample. */
  Map<String, LongSupplier> gauges();

  /**
   * Runs the workload, if the service drives its own (the mail sender, the ORM); a server that
   * the demo's clients drive from outside returns at once and runs until its input closes.
   */
  default boolean drivesItself() {
    return false;
  }

  /** Runs the service's own workload until the run's duration is over. */
  default void work(Settings settings, Wire wire) throws Exception {}

  /** Reports the final figures; the JVM ends right after. */
  void finish(Wire wire);
}
