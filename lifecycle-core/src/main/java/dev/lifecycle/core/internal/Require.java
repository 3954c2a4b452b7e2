package dev.lifecycle.core.internal;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The one set of argument checks of the library, in the style of Caffeine's {@code requireArgument}:
 * each failure names the argument and the bad value, in lower case with no trailing period. Checks
 * run before any state changes, so a rejected call leaves nothing behind. Stateless.
 */
public final class Require {
  private Require() {}

  /**
   * {@code value}, or a {@link NullPointerException} saying {@code "<name> must not be null"}.
   */
  @CanIgnoreReturnValue
  public static <T> T nonNull(@Nullable T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  /** An {@link IllegalArgumentException} with the formatted message unless {@code ok}. */
  @FormatMethod
  public static void argument(boolean ok, @FormatString String format, @Nullable Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, format, args));
    }
  }

  /** An {@link IllegalStateException} with the formatted message unless {@code ok}. */
  @FormatMethod
  public static void state(boolean ok, @FormatString String format, @Nullable Object... args) {
    if (!ok) {
      throw new IllegalStateException(String.format(java.util.Locale.ROOT, format, args));
    }
  }

  /** {@code value}, or {@code "<name> must be at least <min>: <value>"}. */
  @CanIgnoreReturnValue
  public static int atLeast(int value, int min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
    }
    return value;
  }

  /** {@code value}, or {@code "<name> must be at least <min>: <value>"}. */
  @CanIgnoreReturnValue
  public static long atLeast(long value, long min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
    }
    return value;
  }

  /** {@code duration}, or a message naming it when it is null, zero or negative. */
  @CanIgnoreReturnValue
  public static Duration positive(@Nullable Duration duration, String name) {
    Duration checked = nonNull(duration, name);
    if (checked.isNegative() || checked.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + checked);
    }
    return checked;
  }

  /** {@code duration}, or a message naming it when it is null or negative. */
  @CanIgnoreReturnValue
  public static Duration nonNegative(@Nullable Duration duration, String name) {
    Duration checked = nonNull(duration, name);
    if (checked.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + checked);
    }
    return checked;
  }

  /**
   * {@code duration} in nanoseconds, saturated: anything longer than about 292 years (such as {@code
   * ChronoUnit.FOREVER.getDuration()}) is {@link Long#MAX_VALUE}, a negative one is 0. Never throws.
   */
  public static long saturatedNanos(Duration duration) {
    if (duration.isNegative()) {
      return 0;
    }
    if (duration.toSeconds() >= Long.MAX_VALUE / 1_000_000_000L) {
      return Long.MAX_VALUE;
    }
    return duration.toNanos();
  }

  /** {@code duration} in milliseconds, saturated as {@link #saturatedNanos} is. Never throws. */
  public static long saturatedMillis(Duration duration) {
    if (duration.isNegative()) {
      return 0;
    }
    if (duration.toSeconds() >= Long.MAX_VALUE / 1_000L) {
      return Long.MAX_VALUE;
    }
    return duration.toMillis();
  }

  /**
   * {@code System.nanoTime() + nanos} as a deadline that never wraps: at most about 146 years ahead,
   * so {@code deadline - System.nanoTime()} stays positive until it is reached.
   */
  public static long deadlineNanos(long nowNanos, long nanos) {
    return nowNanos + Math.min(nanos, Long.MAX_VALUE / 2);
  }
}
