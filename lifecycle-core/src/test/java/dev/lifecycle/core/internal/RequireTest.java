package dev.lifecycle.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

final class RequireTest {
  @Test
  void nonNull_null_namesTheArgument() {
    assertThatThrownBy(() -> Require.nonNull(null, "listener"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("listener must not be null");
    assertThat(Require.nonNull("x", "listener")).isEqualTo("x");
  }

  @Test
  void argumentAndState_false_throwTheFormattedMessage() {
    assertThatThrownBy(() -> Require.argument(false, "capacity must be at least %d: %d", 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity must be at least 1: 0");
    assertThatThrownBy(() -> Require.state(false, "registry %s is closed", "tenants"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("registry tenants is closed");
    Require.argument(true, "unused %s", "x");
    Require.state(true, "unused %s", "x");
  }

  @Test
  void atLeast_belowMin_namesTheArgumentAndValue() {
    assertThatThrownBy(() -> Require.atLeast(0, 1, "limit"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be at least 1: 0");
    assertThatThrownBy(() -> Require.atLeast(-5L, 0L, "bytes"))
        .hasMessage("bytes must be at least 0: -5");
    assertThat(Require.atLeast(3, 1, "limit")).isEqualTo(3);
  }

  @Test
  void positiveAndNonNegative_badDurations_throw() {
    assertThatThrownBy(() -> Require.positive(Duration.ZERO, "timeout"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive: PT0S");
    assertThatThrownBy(() -> Require.positive(null, "timeout"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("timeout must not be null");
    assertThatThrownBy(() -> Require.nonNegative(Duration.ofSeconds(-1), "idle timeout"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idle timeout must not be negative: PT-1S");
    assertThat(Require.nonNegative(Duration.ZERO, "idle timeout")).isEqualTo(Duration.ZERO);
  }

  @Test
  void saturated_hugeOrNegative_neverOverflow() {
    Duration forever = ChronoUnit.FOREVER.getDuration();
    assertThat(Require.saturatedNanos(forever)).isEqualTo(Long.MAX_VALUE);
    assertThat(Require.saturatedMillis(forever)).isEqualTo(Long.MAX_VALUE);
    assertThat(Require.saturatedNanos(Duration.ofSeconds(-1))).isZero();
    assertThat(Require.saturatedMillis(Duration.ofSeconds(2))).isEqualTo(2_000);
    assertThat(Require.saturatedNanos(Duration.ofMillis(3))).isEqualTo(3_000_000);
  }

  @Test
  void deadlineNanos_hugeTimeout_staysAheadOfNow() {
    long now = System.nanoTime();
    long deadline = Require.deadlineNanos(now, Long.MAX_VALUE);
    assertThat(deadline - now).isPositive();
    assertThat(Require.deadlineNanos(now, 5)).isEqualTo(now + 5);
  }
}
