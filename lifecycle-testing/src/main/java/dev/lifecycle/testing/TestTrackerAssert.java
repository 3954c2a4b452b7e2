package dev.lifecycle.testing;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.lifecycle.core.LeakReport;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link TestTracker}, whose leak reports are at hand: a failure prints each one
 * with its allocation stack. Get one from {@link LifecycleAssertions#assertThat(TestTracker)}.
 */
public final class TestTrackerAssert extends AbstractAssert<TestTrackerAssert, TestTracker> {
  TestTrackerAssert(TestTracker actual) {
    super(actual, TestTrackerAssert.class);
  }

  /** No leak was reported. */
  @CanIgnoreReturnValue
  public TestTrackerAssert hasNoLeaks() {
    isNotNull();
    List<LeakReport> leaks = actual.leaks();
    if (!leaks.isEmpty()) {
      StringBuilder text = new StringBuilder("expected no leak, but ").append(leaks.size()).append(" were reported:");
      for (LeakReport report : leaks) {
        text.append("\n    ").append(report.summary());
        Describe.frames(text, report.allocationSite());
      }
      failWithMessage("%s", text.toString());
    }
    return this;
  }

  /** No resource of kind {@code kind} is open. */
  @CanIgnoreReturnValue
  public TestTrackerAssert hasNoLiveResourcesOfKind(String kind) {
    isNotNull();
    new TrackerAssert(actual.tracker()).hasNoLiveResourcesOfKind(kind);
    return this;
  }

  /** No resource is open. */
  @CanIgnoreReturnValue
  public TestTrackerAssert hasNoLiveResources() {
    isNotNull();
    new TrackerAssert(actual.tracker()).hasNoLiveResources();
    return this;
  }
}
