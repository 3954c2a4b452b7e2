package dev.lifecycle.testing;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.lifecycle.core.BoundedRegistry;
import dev.lifecycle.core.RegistryStats;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link BoundedRegistry}; failures show its counters. Get one from {@link
 * LifecycleAssertions#assertThat(BoundedRegistry)}.
 */
public final class RegistryAssert extends AbstractAssert<RegistryAssert, BoundedRegistry<?, ?>> {
  RegistryAssert(BoundedRegistry<?, ?> actual) {
    super(actual, RegistryAssert.class);
  }

  /** Exactly {@code size} values are open. */
  @CanIgnoreReturnValue
  public RegistryAssert hasSize(int size) {
    isNotNull();
    if (actual.size() != size) {
      failWithMessage("%s", "expected registry \"" + actual.name() + "\" to hold " + size + " value(s), but it holds "
          + actual.size() + ": " + actual.stats());
    }
    return this;
  }

  /** No value has an open lease. */
  @CanIgnoreReturnValue
  public RegistryAssert hasNoLeasedValues() {
    isNotNull();
    RegistryStats stats = actual.stats();
    if (stats.leased() != 0) {
      failWithMessage("%s", "expected registry \"" + actual.name() + "\" to have no leased value, but "
          + stats.leased() + " are leased: " + stats
          + "\n  (find the open leases with Tracker.snapshot().ofKind(\"core.Lease\"))");
    }
    return this;
  }

  /** The registry holds a value for {@code key}. */
  @CanIgnoreReturnValue
  public RegistryAssert containsKey(Object key) {
    isNotNull();
    @SuppressWarnings("unchecked") // contains only compares the key
    BoundedRegistry<Object, ?> registry = (BoundedRegistry<Object, ?>) actual;
    if (!registry.contains(key)) {
      failWithMessage("%s", "expected registry \"" + actual.name() + "\" to hold key " + Texts.describe(key)
          + ", but it does not: " + actual.stats());
    }
    return this;
  }
}
