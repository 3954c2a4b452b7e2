package dev.lifecycle.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides which leaks are reported: one per allocation site per interval, and at most so many per
 * minute in all. Remembers a bounded number of sites (least recently seen forgotten first), so its
 * memory is bounded however many sites leak. Thread-safe.
 */
final class ReportGate {
  static final int MAX_SITES = 1024;

  private final long siteIntervalMillis;
  private final int maxPerMinute;
  private final Map<String, Site> sites =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Site> eldest) {
          return size() > MAX_SITES;
        }
      };
  private long minuteStart = Long.MIN_VALUE;
  private int reportedThisMinute;
  private long suppressedTotal;

  private static final class Site {
    long lastReported = Long.MIN_VALUE;
    long suppressed;
  }

  ReportGate(long siteIntervalMillis, int maxPerMinute) {
    this.siteIntervalMillis = siteIntervalMillis;
    this.maxPerMinute = maxPerMinute;
  }

  /**
   * Whether a leak from {@code site} may be reported at {@code nowMillis}: returns how many leaks of
   * that site were suppressed since its last report (0 or more), or -1 to suppress this one.
   */
  synchronized long admit(String site, long nowMillis) {
    Site state = sites.computeIfAbsent(site, key -> new Site());
    if (state.lastReported != Long.MIN_VALUE
        && nowMillis - state.lastReported < siteIntervalMillis) {
      return suppress(state);
    }
    if (minuteStart == Long.MIN_VALUE || nowMillis - minuteStart >= 60_000) {
      minuteStart = nowMillis;
      reportedThisMinute = 0;
    }
    if (reportedThisMinute >= maxPerMinute) {
      return suppress(state);
    }
    reportedThisMinute++;
    state.lastReported = nowMillis;
    long suppressed = state.suppressed;
    state.suppressed = 0;
    return suppressed;
  }

  private long suppress(Site state) {
    state.suppressed++;
    suppressedTotal++;
    return -1;
  }

  synchronized long suppressedTotal() {
    return suppressedTotal;
  }
}
