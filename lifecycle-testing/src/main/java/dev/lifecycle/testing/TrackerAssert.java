package dev.lifecycle.testing;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.lifecycle.core.LiveResource;
import dev.lifecycle.core.Tracker;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Tracker}; get one from {@link LifecycleAssertions#assertThat(Tracker)}.
 * Failures list the live resources with where each was opened.
 */
public final class TrackerAssert extends AbstractAssert<TrackerAssert, Tracker> {
  TrackerAssert(Tracker actual) {
    super(actual, TrackerAssert.class);
  }

  /** The tracker found no leak since it started. */
  @CanIgnoreReturnValue
  public TrackerAssert hasNoLeaks() {
    isNotNull();
    long leaks = actual.leakCount();
    if (leaks != 0) {
      StringBuilder text = new StringBuilder("expected ").append(actual).append(" to have found no leak, but it found ")
          .append(leaks).append(':');
      for (var kind : actual.kinds()) {
        if (kind.leakCount() > 0) {
          text.append("\n    ").append(kind.name()).append(": ").append(kind.leakCount());
        }
      }
      text.append("\n  (the leak reports, with their allocation sites, went to the tracker's listeners;"
          + " use a TestTracker to see them in this message)");
      failWithMessage("%s", text.toString());
    }
    return this;
  }

  /** No resource of any kind is open. */
  @CanIgnoreReturnValue
  public TrackerAssert hasNoLiveResources() {
    isNotNull();
    return none(actual.snapshot().resources(), "resource");
  }

  /** No resource of kind {@code kind} is open. */
  @CanIgnoreReturnValue
  public TrackerAssert hasNoLiveResourcesOfKind(String kind) {
    isNotNull();
    return none(actual.snapshot().ofKind(kind), "resource of kind " + kind);
  }

  /** Exactly {@code count} resources of kind {@code kind} are open. */
  @CanIgnoreReturnValue
  public TrackerAssert hasLiveResourcesOfKind(String kind, int count) {
    isNotNull();
    List<LiveResource> live = actual.snapshot().ofKind(kind);
    if (live.size() != count) {
      StringBuilder text = new StringBuilder("expected ").append(actual).append(" to have ").append(count)
          .append(" live resource(s) of kind ").append(kind).append(", but it has ").append(live.size());
      if (!live.isEmpty()) {
        text.append(':');
        Describe.resources(text, live);
      }
      failWithMessage("%s", text.toString());
    }
    return this;
  }

  private TrackerAssert none(List<LiveResource> live, String what) {
    if (!live.isEmpty()) {
      StringBuilder text = new StringBuilder("expected ").append(actual).append(" to have no live ")
          .append(what).append(", but ").append(live.size()).append(" are open:");
      Describe.resources(text, live);
      failWithMessage("%s", text.toString());
    }
    return this;
  }
}
