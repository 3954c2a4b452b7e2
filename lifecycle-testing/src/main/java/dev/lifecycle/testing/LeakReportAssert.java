package dev.lifecycle.testing;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.lifecycle.core.LeakReport;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link LeakReport}; failures print the whole report with its allocation stack.
 * Get one from {@link LifecycleAssertions#assertThat(LeakReport)}.
 */
public final class LeakReportAssert extends AbstractAssert<LeakReportAssert, LeakReport> {
  LeakReportAssert(LeakReport actual) {
    super(actual, LeakReportAssert.class);
  }

  /** The leaked resource is of kind {@code kind}. */
  @CanIgnoreReturnValue
  public LeakReportAssert hasKind(String kind) {
    isNotNull();
    return check(actual.kind().equals(kind), "to be of kind " + kind);
  }

  /** The scope at {@code path} owned the leaked resource. */
  @CanIgnoreReturnValue
  public LeakReportAssert hasOwner(String path) {
    isNotNull();
    return check(Objects.equals(actual.owner(), path), "to be owned by " + path);
  }

  /** The tracker closed the raw resource without failure. */
  @CanIgnoreReturnValue
  public LeakReportAssert wasReclaimed() {
    isNotNull();
    return check(actual.reclaimed(), "to be reclaimed");
  }

  /** The allocation stack has a frame in {@code type} (a test class, the code under test). */
  @CanIgnoreReturnValue
  public LeakReportAssert wasOpenedIn(Class<?> type) {
    isNotNull();
    boolean found = actual.allocationSite().stream().anyMatch(f -> f.getClassName().equals(type.getName()));
    return check(found, "to be opened in " + type.getName());
  }

  /** The allocation stack has a frame of method {@code method} of {@code type}. */
  @CanIgnoreReturnValue
  public LeakReportAssert wasOpenedIn(Class<?> type, String method) {
    isNotNull();
    boolean found = actual.allocationSite().stream()
        .anyMatch(f -> f.getClassName().equals(type.getName()) && f.getMethodName().equals(method));
    return check(found, "to be opened in " + type.getName() + "." + method + "()");
  }

  private LeakReportAssert check(boolean ok, String expectation) {
    if (!ok) {
      failWithMessage("%s", "expected leak " + actual.id() + " " + expectation + ", but it was:\n" + actual);
    }
    return this;
  }
}
