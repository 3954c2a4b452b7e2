package dev.lifecycle.testing;

import dev.lifecycle.core.BoundedRegistry;
import dev.lifecycle.core.KeyedPermits;
import dev.lifecycle.core.LeakReport;
import dev.lifecycle.core.Scope;
import dev.lifecycle.core.Tracker;

/**
 * The entry point of lifecycle's AssertJ assertions; failures show what was open and where it was
 * opened.
 *
 * <pre>{@code
 * import static dev.lifecycle.testing.LifecycleAssertions.assertThat;
 *
 * assertThat(scope).isClosed().ownsNothing();
 * assertThat(tracker).hasNoLiveResourcesOfKind("jdbc.Connection");
 * assertThat(permits).hasNoneInUse().auditIsClean();
 * assertThat(registry).hasSize(2).hasNoLeasedValues();
 * assertThat(report).hasKind("lifecycle.Lease").wasReclaimed().wasOpenedIn(MyTest.class);
 * }</pre>
 */
public final class LifecycleAssertions {
  private LifecycleAssertions() {}

  /** Assertions on {@code scope}. */
  public static ScopeAssert assertThat(Scope scope) {
    return new ScopeAssert(scope);
  }

  /** Assertions on {@code tracker}. */
  public static TrackerAssert assertThat(Tracker tracker) {
    return new TrackerAssert(tracker);
  }

  /** Assertions on {@code tracker} and the reports it recorded. */
  public static TestTrackerAssert assertThat(TestTracker tracker) {
    return new TestTrackerAssert(tracker);
  }

  /** Assertions on {@code permits}. */
  public static PermitsAssert assertThat(KeyedPermits<?> permits) {
    return new PermitsAssert(permits);
  }

  /** Assertions on {@code registry}. */
  public static RegistryAssert assertThat(BoundedRegistry<?, ?> registry) {
    return new RegistryAssert(registry);
  }

  /** Assertions on {@code report}. */
  public static LeakReportAssert assertThat(LeakReport report) {
    return new LeakReportAssert(report);
  }
}
