package dev.lifecycle.core;

/** What a {@link Tracker} does with the raw resource of a wrapper that was dropped without close. */
public enum ReclaimPolicy {
  /**
   * Report the leak and leave the raw resource as it is; but for accounting kinds ({@code
   * lifecycle.Permit}, {@code lifecycle.Lease}, {@code lifecycle.FdReservation}), which are always
   * released so their counts cannot drift.
   */
  REPORT_ONLY,
  /**
   * Report the leak, then close the raw resource on the tracker's reclaim threads, so that a close
   * that blocks never delays detection (a failing close is logged; a close skipped because those
   * threads are saturated is said in the report). The default: a leak costs a log line, not an
   * outage.
   */
  CLOSE_AND_REPORT
}
