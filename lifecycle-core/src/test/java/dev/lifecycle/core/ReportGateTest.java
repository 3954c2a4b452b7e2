package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class ReportGateTest {
  @Test
  void admit_sameSiteWithinInterval_isSuppressedThenCounted() {
    ReportGate gate = new ReportGate(1_000, 100);
    assertThat(gate.admit("a", 0)).isZero();
    assertThat(gate.admit("a", 10)).isEqualTo(-1);
    assertThat(gate.admit("a", 20)).isEqualTo(-1);
    assertThat(gate.admit("b", 30)).as("another site").isZero();
    assertThat(gate.admit("a", 1_000)).as("two suppressed since the last report").isEqualTo(2);
    assertThat(gate.suppressedTotal()).isEqualTo(2);
  }

  @Test
  void admit_overRateLimit_isSuppressedUntilNextMinute() {
    ReportGate gate = new ReportGate(0, 2);
    assertThat(gate.admit("a", 0)).isZero();
    assertThat(gate.admit("b", 1)).isZero();
    assertThat(gate.admit("c", 2)).isEqualTo(-1);
    assertThat(gate.admit("c", 60_000)).isEqualTo(1);
  }

  @Test
  void admit_manySites_remembersABoundedNumber() {
    ReportGate gate = new ReportGate(60_000, Integer.MAX_VALUE);
    for (int i = 0; i <= ReportGate.MAX_SITES; i++) {
      assertThat(gate.admit("site " + i, 0)).isZero();
    }
    assertThat(gate.admit("site 0", 1))
        .as("the least recently seen site was forgotten, so it is reported again")
        .isZero();
    assertThat(gate.admit("site " + ReportGate.MAX_SITES, 1)).isEqualTo(-1);
  }
}
