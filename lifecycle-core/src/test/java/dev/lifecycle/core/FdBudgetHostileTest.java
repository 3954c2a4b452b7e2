package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.core.health.FileDescriptors.Source;
import dev.lifecycle.core.health.FileDescriptors;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The FD budget at the limits of its settings. */
final class FdBudgetHostileTest {
  @Test
  void recheck_forever_saturatesInsteadOfOverflowing() {
    FdBudget budget = FdBudget.newBuilder()
        .fileDescriptors(FileDescriptors.from(Source.UNSUPPORTED))
        .limit(100)
        .headroom(10)
        .recheck(ChronoUnit.FOREVER.getDuration())
        .build();
    try (FdBudget.Reservation reservation = budget.tryReserve(5)) {
      assertThat(reservation).isNotNull();
      assertThat(budget.reserved()).isEqualTo(5);
    }
    assertThat(budget.reserved()).isZero();
  }

  @Test
  void builder_nulls_areRejectedAtOnceWithTheirName() {
    assertThatThrownBy(() -> FdBudget.newBuilder().fileDescriptors(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("file descriptors must not be null");
    assertThatThrownBy(() -> FdBudget.newBuilder().recheck(null)).hasMessage("recheck interval must not be null");
  }

  @Test
  void fileDescriptors_toString_printsTheNumbers() {
    FileDescriptors fds = FileDescriptors.system();
    assertThat(fds.toString()).doesNotContain("Optional");
    if (fds.open().isPresent()) {
      assertThat(fds.toString()).containsPattern(", open \\d+, max ");
    }
    assertThat(FileDescriptors.from(Source.UNSUPPORTED).toString()).contains("open unknown, max unknown");
  }
}
