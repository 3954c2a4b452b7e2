package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.core.ConnectionGate.Admission;
import dev.lifecycle.core.ConnectionGate.Refusal;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // admissions held open by try-with-resources only for their counts
final class ConnectionGateTest {
  private final Tracker tracker = Tracker.newBuilder().name("gate test").build();

  static SocketAddress from(int host, int port) {
    return new InetSocketAddress(AcceptLoopTest.loopback(host), port);
  }

  @Test
  void admit_overPerAddressLimit_refusedAndOtherAddressesStillAdmitted() {
    ConnectionGate gate = ConnectionGate.newBuilder("test").maxPerAddress(2).tracker(tracker).build();
    Admission a = gate.admit(from(1, 1000));
    Admission b = gate.admit(from(1, 1001));
    Admission refused = gate.admit(from(1, 1002));
    Admission other = gate.admit(from(2, 1000));

    assertThat(a.isAdmitted()).isTrue();
    assertThat(b.isAdmitted()).isTrue();
    assertThat(refused.isAdmitted()).isFalse();
    assertThat(refused.refusal()).isEqualTo(Refusal.PER_ADDRESS);
    assertThat(other.isAdmitted()).isTrue();
    assertThat(gate.open(from(1, 9))).isEqualTo(2);
    assertThat(gate.open()).isEqualTo(3);
    assertThat(gate.refused(Refusal.PER_ADDRESS)).isEqualTo(1);
    a.close();
    b.close();
    other.close();
    assertThat(gate.open()).isZero();
    assertThat(gate.addressCount()).isZero();
  }

  @Test
  void admit_overTotal_refusedWithTotalAndNothingCounted() {
    ConnectionGate gate = ConnectionGate.newBuilder("test").maxTotal(1).tracker(tracker).build();
    try (Admission a = gate.admit(from(1, 1))) {
      Admission refused = gate.admit(from(2, 1));
      assertThat(refused.refusal()).isEqualTo(Refusal.TOTAL);
      assertThat(gate.open(from(2, 1))).isZero();
      assertThat(gate.addressCount()).isEqualTo(1);
      assertThat(a.isOpen()).isTrue();
    }
    assertThat(gate.admit(from(2, 1)).isAdmitted()).isTrue();
  }

  @Test
  void release_calledTwiceFromManyThreads_releasesExactlyOnce() throws Exception {
    ConnectionGate gate = ConnectionGate.newBuilder("test").tracker(tracker).build();
    int connections = 2_000;
    List<Admission> admissions = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      admissions.add(gate.admit(from(1 + i % 4, i)));
    }
    AtomicInteger firsts = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(pool.submit(() -> {
          start.await();
          for (Admission admission : admissions) {
            if (admission.release()) {
              firsts.incrementAndGet();
            }
            admission.close(); // a duplicate "inactive" event
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(firsts).hasValue(connections);
    assertThat(gate.open()).isZero();
    assertThat(gate.released()).isEqualTo(connections);
    assertThat(gate.addressCount()).isZero();
  }

  @Test
  void admit_racingFromManyThreads_neverExceedsEitherLimit() throws Exception {
    int perAddress = 3;
    int total = 7;
    ConnectionGate gate =
        ConnectionGate.newBuilder("test").maxPerAddress(perAddress).maxTotal(total).tracker(tracker).build();
    AtomicIntegerArray held = new AtomicIntegerArray(5);
    AtomicInteger heldTotal = new AtomicInteger();
    AtomicInteger worstAddress = new AtomicInteger();
    AtomicInteger worstTotal = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        done.add(pool.submit(() -> {
          start.await();
          ThreadLocalRandom random = ThreadLocalRandom.current();
          for (int i = 0; i < 20_000; i++) {
            int host = 1 + random.nextInt(4);
            try (Admission admission = gate.admit(from(host, i))) {
              if (admission.isAdmitted()) {
                worstAddress.accumulateAndGet(held.incrementAndGet(host), Math::max);
                worstTotal.accumulateAndGet(heldTotal.incrementAndGet(), Math::max);
                heldTotal.decrementAndGet();
                held.decrementAndGet(host);
              }
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(worstAddress.get()).isBetween(1, perAddress);
    assertThat(worstTotal.get()).isBetween(1, total);
    assertThat(gate.admitted() + gate.refused()).isEqualTo(6 * 20_000);
    assertThat(gate.open()).isZero();
    assertThat(gate.addressCount()).isZero();
  }

  @Test
  void admit_fdBudgetExhausted_refusedAndAcceptPausedUntilTwiceTheWatermark() {
    FdBudget budget = FdBudgetTest.counting(20, 10); // capacity 10
    ConnectionGate gate =
        ConnectionGate.newBuilder("test").fdBudget(budget).pauseBelow(2).tracker(tracker).build();
    List<Admission> held = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      held.add(gate.admit(from(1, i)));
    }
    assertThat(gate.acceptPaused()).isFalse(); // 2 available
    held.add(gate.admit(from(1, 8)));
    assertThat(gate.acceptPaused()).isTrue(); // 1 available
    held.add(gate.admit(from(1, 9)));
    assertThat(gate.admit(from(1, 10)).refusal()).isEqualTo(Refusal.FD_BUDGET);
    assertThat(budget.reserved()).isEqualTo(10);

    held.remove(0).close();
    held.remove(0).close();
    held.remove(0).close(); // 3 available: still under twice the watermark
    assertThat(gate.acceptPaused()).isTrue();
    held.remove(0).close();
    assertThat(gate.acceptPaused()).isFalse();
    held.forEach(Admission::close);
    assertThat(budget.reserved()).isZero();
    assertThat(gate.open()).isZero();
  }

  @Test
  void admit_afterClose_refusedAsClosedAndHeldAdmissionsStillRelease() {
    ConnectionGate gate = ConnectionGate.newBuilder("test").tracker(tracker).build();
    Admission held = gate.admit(from(1, 1));
    gate.close();
    assertThat(gate.admit(from(1, 2)).refusal()).isEqualTo(Refusal.CLOSED);
    held.close();
    assertThat(gate.open()).isZero();
    assertThat(gate.refused()).isEqualTo(1);
  }

  @Test
  void refusal_close_doesNothing() {
    ConnectionGate gate = ConnectionGate.newBuilder("test").maxTotal(1).tracker(tracker).build();
    Admission held = gate.admit(from(1, 1));
    Admission refused = gate.admit(from(1, 2));
    refused.close();
    assertThat(refused.release()).isFalse();
    assertThat(gate.open()).isEqualTo(1);
    assertThat(refused).hasToString("ConnectionGate.Admission[refused: TOTAL]");
    held.close();
  }

  @Test
  void overSoftLimit_fromTheSoftLimitOn_true() {
    ConnectionGate gate = ConnectionGate.newBuilder("test").softLimit(2).maxTotal(4).tracker(tracker).build();
    try (Admission a = gate.admit(from(1, 1))) {
      assertThat(gate.overSoftLimit()).isFalse();
      try (Admission b = gate.admit(from(1, 2))) {
        assertThat(gate.overSoftLimit()).isTrue();
      }
    }
  }

  @Test
  void builder_badLimits_rejectedNamingTheValue() {
    assertThatThrownBy(() -> ConnectionGate.newBuilder(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    assertThatThrownBy(() -> ConnectionGate.newBuilder("x").maxTotal(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxTotal 0 is not positive; give the most connections to serve");
    assertThatThrownBy(() -> ConnectionGate.newBuilder("x").maxPerAddress(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPerAddress -1");
  }
}
