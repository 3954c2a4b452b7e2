package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.FileDescriptors.Source;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Drives the garbage collector, so it runs alone. */
@Isolated
final class FdBudgetReclaimTest {
  @Test
  void droppedReservation_isReleasedByTheCleanerAndCounted() throws InterruptedException {
    FdBudget budget = FdBudget.newBuilder()
        .fileDescriptors(FileDescriptors.from(Source.UNSUPPORTED))
        .limit(10)
        .headroom(0)
        .build();
    for (int i = 0; i < 1_000; i++) { // closed ones become garbage too, and must not be released twice
      try (FdBudget.Reservation r = budget.tryReserve(1)) {
        assertThat(r).isNotNull();
      }
    }
    reserveAndDrop(budget);
    assertThat(budget.reserved()).isEqualTo(3);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (budget.reclaimed() == 0 && System.nanoTime() < deadline) {
      System.gc();
      Thread.onSpinWait();
    }
    assertThat(budget.reclaimed()).isEqualTo(3);
    assertThat(budget.reserved()).isZero();
  }

  @SuppressWarnings("DiscardedResource") // the point: a reservation nobody closes
  private static void reserveAndDrop(FdBudget budget) {
    budget.tryReserve(3);
  }
}
