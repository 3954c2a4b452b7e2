package dev.lifecycle.core;

/** What a {@link Tracker} does with the raw resource of a wrapper that was dropped without close. */
public enum ReclaimPolicy {
  /** Report the leak and leave the raw resource as it is. */
  REPORT_ONLY,
  /**
   * Close the raw resource, then report the leak (the report says whether the close succeeded). The
   * default: a leak costs a log line, not an outage.
   */
  CLOSE_AND_REPORT
}
