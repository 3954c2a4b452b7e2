package dev.lifecycle.core.internal;

import java.time.Duration;
import java.util.Locale;

/** Short human forms of durations for messages: "350 ms", "4.2 s", "17 min", "5.5 h", "27 days". */
public final class Durations {
  private Durations() {}

  /** {@code duration} in its short form, rounded; "more than 100 years" past a century. */
  public static String approx(Duration duration) {
    long millis = Require.saturatedMillis(duration);
    if (millis < 1_000) {
      return millis + " ms";
    }
    double seconds = millis / 1_000.0;
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    if (seconds < 3_600) {
      return String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }
    if (seconds < 172_800) {
      return String.format(Locale.ROOT, "%.1f h", seconds / 3_600);
    }
    if (seconds < 86_400.0 * 36_500) {
      return String.format(Locale.ROOT, "%.0f days", seconds / 86_400);
    }
    return "more than 100 years";
  }
}
