package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.ConnectionGate.Admission;
import dev.lifecycle.core.ConnectionGate.Refusal;
import dev.lifecycle.proptest.Gen;
import dev.lifecycle.proptest.Stateful;
import dev.lifecycle.proptest.Statistics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gate against a model (the remote host of each open connection) over random scripts of
 * opens, closes, resets seen twice (a close and a duplicate "inactive" event), idle reaping of the
 * oldest, and late closes of connections long gone, with every count checked after every step.
 */
final class ConnectionGateStatefulTest {
  private static final int PER_ADDRESS = 2;
  private static final int TOTAL = 5;
  private static final int HOSTS = 4;

  /** The model: the host of each open connection, oldest first, and the refusals expected. */
  static final class Model {
    final List<Integer> open = new ArrayList<>();
    int closedCount;
    long refusedPerAddress;
    long refusedTotal;

    int open(int host) {
      return Collections.frequency(open, host);
    }
  }

  /** The real gate and the admissions the test holds, by the model's index. */
  static final class Real {
    final ConnectionGate gate = ConnectionGate.newBuilder("stateful")
        .maxPerAddress(PER_ADDRESS)
        .maxTotal(TOTAL)
        .tracker(Tracker.newBuilder().name("gate-stateful").build())
        .build();
    final List<Admission> open = new ArrayList<>();
    final List<Admission> closed = new ArrayList<>();
  }

  private static void open(Model model, Real real, int host) {
    Admission admission = real.gate.admit(ConnectionGateTest.from(host, 40_000 + model.open.size()));
    if (model.open.size() >= TOTAL) {
      assertThat(admission.refusal()).isEqualTo(Refusal.TOTAL);
      model.refusedTotal++;
    } else if (model.open(host) >= PER_ADDRESS) {
      assertThat(admission.refusal()).isEqualTo(Refusal.PER_ADDRESS);
      model.refusedPerAddress++;
    } else {
      assertThat(admission.isAdmitted()).isTrue();
      real.open.add(admission);
      model.open.add(host);
    }
  }

  private static void close(Model model, Real real, int index) {
    Admission admission = real.open.remove(index);
    assertThat(admission.release()).isTrue();
    real.closed.add(admission);
    model.open.remove(/* index */ index);
    model.closedCount++;
  }

  private static void resetSeenTwice(Model model, Real real, int index) {
    Admission admission = real.open.get(index);
    close(model, real, index);
    admission.close(); // the duplicate event: nothing more is released
  }

  private static void reapOldest(Model model, Real real) {
    close(model, real, 0);
  }

  private static void lateClose(Model model, Real real, int index) {
    assertThat(real.closed.get(index).release()).isFalse();
  }

  private static void invariants(Model model, Real real) {
    ConnectionGate gate = real.gate;
    assertThat(gate.open()).as("open").isEqualTo(model.open.size());
    int addresses = 0;
    for (int host = 1; host <= HOSTS; host++) {
      assertThat(gate.open(ConnectionGateTest.from(host, 1))).as("open from host " + host)
          .isEqualTo(model.open(host));
      addresses += model.open(host) > 0 ? 1 : 0;
    }
    assertThat(gate.addressCount()).as("addresses").isEqualTo(addresses);
    assertThat(gate.released()).as("released").isEqualTo(model.closedCount);
    assertThat(gate.admitted()).as("admitted").isEqualTo(model.closedCount + model.open.size());
    assertThat(gate.refused(Refusal.PER_ADDRESS)).isEqualTo(model.refusedPerAddress);
    assertThat(gate.refused(Refusal.TOTAL)).isEqualTo(model.refusedTotal);
  }

  @Test
  void gate_matchesModel_underRandomOpenCloseResetAndIdleScripts() {
    Statistics statistics =
        Stateful.of(Model::new, Real::new)
            .action("open", Gen.ints(1, HOSTS), ConnectionGateStatefulTest::open)
            .action(
                "close",
                m -> !m.open.isEmpty(),
                m -> Gen.ints(0, m.open.size() - 1),
                ConnectionGateStatefulTest::close)
            .action(
                "resetSeenTwice",
                m -> !m.open.isEmpty(),
                m -> Gen.ints(0, m.open.size() - 1),
                ConnectionGateStatefulTest::resetSeenTwice)
            .action("reapOldest", m -> !m.open.isEmpty(), ConnectionGateStatefulTest::reapOldest)
            .action(
                "lateClose",
                m -> m.closedCount > 0,
                m -> Gen.ints(0, m.closedCount - 1),
                ConnectionGateStatefulTest::lateClose)
            .invariant("gate equals model", ConnectionGateStatefulTest::invariants)
            .maxSteps(60)
            .tries(300)
            .maxDuration(Duration.ofSeconds(30))
            .check();
    assertThat(statistics.actionCounts())
        .allSatisfy((action, count) -> assertThat(count).as(action).isPositive());
  }
}
