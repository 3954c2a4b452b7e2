package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.Leaks.Collector;
import dev.lifecycle.core.health.FileDescriptors.Source;
import dev.lifecycle.core.health.FileDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Drives the garbage collector, so it runs alone. */
@Isolated
final class FdBudgetReclaimTest {
  @Test
  void droppedReservation_isReportedWhereReservedAndReleased() throws InterruptedException {
    Collector collector = new Collector();
    try (Tracker tracker = Tracker.newBuilder()
        .name("fd-budget-leak")
        .level(DetectionLevel.FULL)
        .listener(collector)
        .build()) {
      FdBudget budget = FdBudget.newBuilder()
          .fileDescriptors(FileDescriptors.from(Source.UNSUPPORTED))
          .limit(10)
          .headroom(0)
          .tracker(tracker)
          .build();
      for (int i = 0; i < 1_000; i++) { // closed ones become garbage too, and must not be released twice
        try (FdBudget.Reservation r = budget.tryReserve(1)) {
          assertThat(r).isNotNull();
        }
      }
      reserveAndDrop(budget);
      assertThat(budget.reserved()).isEqualTo(3);

      LeakReport report = collector.awaitLeak();

      assertThat(report.kind()).isEqualTo(FdBudget.KIND);
      assertThat(report.reclaimed()).isTrue();
      assertThat(report.summary()).contains("FdBudgetReclaimTest.reserveAndDrop(");
      Leaks.gcUntil("the reservation released", () -> budget.reclaimed() == 3);
      assertThat(budget.reserved()).isZero();
      assertThat(collector.leaks).isEmpty(); // the 1 000 closed reservations were not reported
    }
  }

  @Test
  void trackerOff_closeIsStillExactlyOnce() {
    try (Tracker off = Tracker.newBuilder().name("fd-budget-off").level(DetectionLevel.OFF).build()) {
      FdBudget budget = FdBudget.newBuilder()
          .fileDescriptors(FileDescriptors.from(Source.UNSUPPORTED))
          .limit(10)
          .headroom(0)
          .tracker(off)
          .build();
      FdBudget.Reservation reservation = budget.tryReserve(4);
      assertThat(reservation).isNotNull();
      reservation.close();
      reservation.close();
      assertThat(reservation.isClosed()).isTrue();
      assertThat(budget.reserved()).isZero();
    }
  }

  @SuppressWarnings("DiscardedResource") // the point: a reservation nobody closes
  private static void reserveAndDrop(FdBudget budget) {
    budget.tryReserve(3);
  }
}
