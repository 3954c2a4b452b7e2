package dev.lifecycle.core;

import java.time.Duration;
import java.util.Objects;

/**
 * A tracked resource that is still open, and still reachable, longer than its kind's hold threshold
 * (see {@link ResourceKind#holdThreshold(Duration)}). Reported once per resource, and rate-limited
 * per allocation site like leak reports.
 *
 * <p>Immutable; the description is masked.
 *
 * @param resource the resource, as the inventory shows it
 * @param threshold the threshold it exceeded
 */
public record LongHoldReport(LiveResource resource, Duration threshold) {
  /** Rejects null components. */
  public LongHoldReport {
    Objects.requireNonNull(resource, "resource must not be null");
    Objects.requireNonNull(threshold, "threshold must not be null");
  }

  /** One line for a person. */
  public String summary() {
    return "LONG HOLD "
        + resource.summary()
        + "; the threshold for "
        + resource.kind()
        + " is "
        + Texts.age(threshold)
        + ". Close it, or raise the threshold if this is expected.";
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(summary());
    Texts.appendStack(text, "Opened here:", resource.allocationSite());
    return text.toString();
  }
}
