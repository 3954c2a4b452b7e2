package dev.lifecycle.core.health;

import dev.lifecycle.core.internal.Durations;
import java.time.Duration;
import java.time.Instant;

/**
 * A loop that a {@link Watchdog} reported stalled sent a heartbeat again.
 *
 * @param watchdog the watchdog's name
 * @param loop the loop's name
 * @param stalledFor from the last heartbeat before the stall to the recovery being found
 * @param at when the recovery was found
 */
public record StallRecovery(String watchdog, String loop, Duration stalledFor, Instant at) {
  /** The recovery as one line of text. */
  public String message() {
    return "RECOVERED loop \"" + loop + "\" of watchdog \"" + watchdog
        + "\" sends heartbeats again after " + Durations.approx(stalledFor);
  }

  @Override
  public String toString() {
    return message();
  }
}
