package dev.lifecycle.core.health;

import dev.lifecycle.core.internal.Require;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Watchdog} does, beyond reporting, when a loop stalls. Every policy reports the stall
 * first (log, JFR, listeners), and acts even if reporting failed. Immutable.
 */
public final class StallPolicy {
  enum Kind {
    REPORT,
    CALLBACK,
    EXIT
  }

  private static final StallPolicy REPORT_ONLY = new StallPolicy(Kind.REPORT, null, 0);

  final Kind kind;
  final @Nullable Consumer<StallReport> callback;
  final int exitCode;

  private StallPolicy(Kind kind, @Nullable Consumer<StallReport> callback, int exitCode) {
    this.kind = kind;
    this.callback = callback;
    this.exitCode = exitCode;
  }

  /** Report the stall and do nothing else (the default). */
  public static StallPolicy reportOnly() {
    return REPORT_ONLY;
  }

  /**
   * Report the stall, then run {@code callback} with the report on the watchdog's thread (restart
   * the loop, fail a health check, page someone). Anything it throws is logged, and the watchdog
   * goes on.
   */
  public static StallPolicy callback(Consumer<StallReport> callback) {
    return new StallPolicy(Kind.CALLBACK, Require.nonNull(callback, "callback"), 0);
  }

  /**
   * Report the stall, then end the process with {@code code} so that a supervisor (systemd,
   * Kubernetes, a shell loop) restarts it: {@code System.exit(code)} runs the shutdown hooks, and
   * if they have not finished within 10 seconds (a hook waiting for the stalled loop),
   * {@code Runtime.halt(code)} ends the process anyway.
   *
   * @throws IllegalArgumentException if {@code code} is not in [1, 255] (0 would tell the
   *     supervisor that all went well)
   */
  public static StallPolicy exit(int code) {
    Require.argument(
        code >= 1 && code <= 255,
        "exit code %s is not in [1, 255]; give a code the supervisor reads as a failure, e.g. 70",
        code);
    return new StallPolicy(Kind.EXIT, null, code);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case REPORT -> "StallPolicy[report only]";
      case CALLBACK -> "StallPolicy[callback " + (callback == null ? "none" : callback.getClass().getName()) + "]";
      case EXIT -> "StallPolicy[exit " + exitCode + "]";
    };
  }
}
