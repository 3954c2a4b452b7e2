package dev.lifecycle.demo;

import java.util.List;

/** A scenario's two runs and what the table shows of them. */
record ScenarioResult(Scenario scenario, RunRecord unprotected, RunRecord protectedRun, List<Scenario.Row> rows) {
  RunRecord run(Variant variant) {
    return variant == Variant.PROTECTED ? protectedRun : unprotected;
  }

  boolean skipped() {
    return unprotected.skipped() != null || protectedRun.skipped() != null;
  }
}
