package dev.lifecycle.testing;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.lifecycle.core.LiveResource;
import dev.lifecycle.core.Scope;
import dev.lifecycle.core.Tracker;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Scope}; get one from {@link LifecycleAssertions#assertThat(Scope)}. A
 * failure lists what the scope still owns, with where each resource was opened (resources tracked
 * by the global tracker; pass another one to {@link #ownsNothing(Tracker)}).
 */
public final class ScopeAssert extends AbstractAssert<ScopeAssert, Scope> {
  ScopeAssert(Scope actual) {
    super(actual, ScopeAssert.class);
  }

  /** The scope was closed. */
  @CanIgnoreReturnValue
  public ScopeAssert isClosed() {
    isNotNull();
    if (!actual.isClosed()) {
      failWithMessage("%s", "expected scope \"" + actual.path() + "\" to be closed, but it is open" + owned(Tracker.global()));
    }
    return this;
  }

  /** The scope is still open. */
  @CanIgnoreReturnValue
  public ScopeAssert isOpen() {
    isNotNull();
    if (actual.isClosed()) {
      failWithMessage("%s", "expected scope \"" + actual.path() + "\" to be open, but it was closed");
    }
    return this;
  }

  /** The scope owns no resource now. */
  @CanIgnoreReturnValue
  public ScopeAssert ownsNothing() {
    return ownsNothing(Tracker.global());
  }

  /** The scope owns no resource now; the message lists what {@code tracker} shows it owns. */
  @CanIgnoreReturnValue
  public ScopeAssert ownsNothing(Tracker tracker) {
    isNotNull();
    if (actual.size() != 0) {
      failWithMessage("%s", "expected scope \"" + actual.path() + "\" to own nothing, but it owns "
          + actual.size() + " resource(s)" + owned(tracker));
    }
    return this;
  }

  /** The scope owns exactly {@code count} resources. */
  @CanIgnoreReturnValue
  public ScopeAssert ownsExactly(int count) {
    isNotNull();
    if (actual.size() != count) {
      failWithMessage("%s", "expected scope \"" + actual.path() + "\" to own " + count
          + " resource(s), but it owns " + actual.size() + owned(Tracker.global()));
    }
    return this;
  }

  /** The scope owns {@code resource}. */
  @CanIgnoreReturnValue
  public ScopeAssert owns(AutoCloseable resource) {
    isNotNull();
    if (!actual.owns(resource)) {
      failWithMessage("%s", "expected scope \"" + actual.path() + "\" to own " + Texts.describe(resource)
          + ", but it does not" + owned(Tracker.global()));
    }
    return this;
  }

  private String owned(Tracker tracker) {
    String path = actual.path();
    List<LiveResource> owned =
        tracker.snapshot().resources().stream().filter(r -> path.equals(r.owner())).toList();
    if (owned.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder(":");
    Describe.resources(text, owned);
    return text.toString();
  }
}
