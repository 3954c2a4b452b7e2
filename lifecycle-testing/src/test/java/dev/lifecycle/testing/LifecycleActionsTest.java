package dev.lifecycle.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.core.ResourceKind;
import dev.lifecycle.core.Tracked;
import dev.lifecycle.core.TrackedResource;
import dev.lifecycle.core.Tracker;
import dev.lifecycle.proptest.PropertyFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The ready-made lifecycle actions pass a correct wrapper and catch broken ones. */
// the sample wrappers close an AutoCloseable raw resource, whose close() declares Exception
@SuppressWarnings("try")
@Isolated("GC-dependent: dropped resources must be reported")
final class LifecycleActionsTest {
  private static final ResourceKind KIND = Tracker.global().kind("actions.Channel");

  /** A correct tracked wrapper, written as the Tracked javadoc shows. */
  static final class Channel implements AutoCloseable, TrackedResource {
    private final AutoCloseable raw;
    private final Tracked tracked;

    Channel(AutoCloseable raw) {
      this.raw = raw;
      this.tracked = KIND.track(this, raw);
    }

    void send() {
      tracked.checkOpen();
    }

    void sendTooLarge() {
      tracked.checkOpen();
      throw new IllegalArgumentException("message too large");
    }

    @Override
    public Tracked tracked() {
      return tracked;
    }

    @Override
    public void close() throws Exception {
      if (tracked.close()) {
        raw.close();
      }
    }
  }

  /** Broken: releases its raw resource on every close. */
  static final class DoubleClosing implements AutoCloseable {
    private final AutoCloseable raw;
    private final Tracked tracked;

    DoubleClosing(AutoCloseable raw) {
      this.raw = raw;
      this.tracked = KIND.track(this, raw);
    }

    void send() {
      tracked.checkOpen();
    }

    @Override
    public void close() throws Exception {
      tracked.close();
      raw.close();
    }
  }

  /** Broken: use after close goes through. */
  static final class NoCheck implements AutoCloseable {
    private final AutoCloseable raw;
    private final Tracked tracked;

    NoCheck(AutoCloseable raw) {
      this.raw = raw;
      this.tracked = KIND.track(this, raw);
    }

    void send() {}

    @Override
    public void close() throws Exception {
      if (tracked.close()) {
        raw.close();
      }
    }
  }

  @Test
  void correctWrapper_passesEveryAction() {
    LifecycleActions.of(Channel::new, Channel::send)
        .failing(Channel::sendTooLarge)
        .stateful()
        .tries(60)
        .seed(11)
        .check();
  }

  @Test
  void wrapperThatReleasesTwice_fails() {
    assertThatThrownBy(
            () -> LifecycleActions.of(DoubleClosing::new, DoubleClosing::send).stateful().tries(100).seed(5).check())
        .isInstanceOf(PropertyFailure.class)
        .hasMessageContaining("minimal failing sequence")
        .hasMessageContaining("released its raw resource 2 time(s)");
  }

  @Test
  void wrapperThatAllowsUseAfterClose_fails() {
    assertThatThrownBy(() -> LifecycleActions.of(NoCheck::new, NoCheck::send).stateful().tries(100).seed(5).check())
        .isInstanceOf(PropertyFailure.class)
        .hasMessageContaining("use after close")
        .hasMessageContaining("must throw IllegalStateException, but it succeeded");
  }

  @Test
  void dropDeadline_mustBePositive() {
    assertThatThrownBy(() -> LifecycleActions.of(Channel::new, Channel::send).dropDeadline(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("drop deadline must be positive: PT0S");
    assertThat(KIND.name()).isEqualTo("actions.Channel");
  }
}
