package dev.lifecycle.demo;

import java.util.Locale;

/** Numbers as the table shows them. */
final class Format {
  private Format() {}

  static String count(double n) {
    return String.format(Locale.ROOT, "%,d", Math.round(n));
  }

  static String mb(double kb) {
    return String.format(Locale.ROOT, "%.1f MB", kb / 1024);
  }

  static String seconds(double s) {
    return String.format(Locale.ROOT, "%.1f s", s);
  }

  static String days(double d) {
    return String.format(Locale.ROOT, "day %.0f", d);
  }
}
