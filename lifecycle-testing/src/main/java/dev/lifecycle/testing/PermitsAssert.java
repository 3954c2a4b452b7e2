package dev.lifecycle.testing;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.lifecycle.core.KeyedPermits;
import dev.lifecycle.core.PermitAudit;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on {@link KeyedPermits}; failures show the audit and the live permits of the permits'
 * kind. Get one from {@link LifecycleAssertions#assertThat(KeyedPermits)}.
 */
public final class PermitsAssert extends AbstractAssert<PermitsAssert, KeyedPermits<?>> {
  PermitsAssert(KeyedPermits<?> actual) {
    super(actual, PermitsAssert.class);
  }

  /** No permit is in use. */
  @CanIgnoreReturnValue
  public PermitsAssert hasNoneInUse() {
    isNotNull();
    if (actual.inUse() != 0) {
      failWithMessage("%s", "expected no permit in use, but " + actual.inUse() + " are: " + Texts.describe(actual)
          + "\n  audit: " + actual.audit());
    }
    return this;
  }

  /** Exactly {@code count} permits are in use. */
  @CanIgnoreReturnValue
  public PermitsAssert hasInUse(int count) {
    isNotNull();
    if (actual.inUse() != count) {
      failWithMessage("%s", "expected " + count + " permit(s) in use, but " + actual.inUse() + " are: "
          + Texts.describe(actual));
    }
    return this;
  }

  /** Every counter equals its recount of the live permits. */
  @CanIgnoreReturnValue
  public PermitsAssert auditIsClean() {
    isNotNull();
    PermitAudit audit = actual.audit();
    if (!audit.isClean()) {
      failWithMessage("%s", "expected a clean permit audit, but the counters disagree with the recount:\n    "
          + String.join("\n    ", audit.differences()) + "\n  " + audit);
    }
    return this;
  }
}
