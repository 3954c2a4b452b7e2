package dev.lifecycle.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
          if (size() <= MAX_SITES) {
            return false;
          }
          if (eldest.getValue().held != null) {
            pending--;
          }
          return true;
        }
      };
  private long minuteStart = Long.MIN_VALUE;
  private int reportedThisMinute;
  private long suppressedTotal;

  private int pending;

  private static final class Site {
    long lastReported = Long.MIN_VALUE;
    long suppressed;

    /** The latest suppressed report, told once the interval is over if no other report was. */
    @Nullable LeakReport held;
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
    if (state.held != null) {
      state.held = null;
      pending--;
    }
    return suppressed;
  }

  /** Keeps {@code report}, just suppressed at {@code site}, to be told by {@link #due} later. */
  synchronized void hold(String site, LeakReport report) {
    Site state = sites.get(site);
    if (state == null) {
      return; // forgotten already
    }
    if (state.held == null) {
      pending++;
    }
    state.held = report;
  }

  /**
   * The held reports of sites whose interval is over at {@code nowMillis} (within the per-minute
   * limit), each counting the other leaks suppressed since the site's last report: so every leak is
   * either reported or counted in a report, even when its site stops leaking.
   */
  synchronized List<LeakReport> due(long nowMillis) {
    if (pending == 0) {
      return List.of();
    }
    List<LeakReport> due = new ArrayList<>();
    for (Site state : sites.values()) {
      LeakReport held = state.held;
      if (held == null || nowMillis - state.lastReported < siteIntervalMillis) {
        continue;
      }
      if (minuteStart == Long.MIN_VALUE || nowMillis - minuteStart >= 60_000) {
        minuteStart = nowMillis;
        reportedThisMinute = 0;
      }
      if (reportedThisMinute >= maxPerMinute) {
        break;
      }
      reportedThisMinute++;
      state.lastReported = nowMillis;
      state.held = null;
      pending--;
      suppressedTotal--; // told after all
      due.add(held.withSuppressed(state.suppressed - 1));
      state.suppressed = 0;
    }
    return due;
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
