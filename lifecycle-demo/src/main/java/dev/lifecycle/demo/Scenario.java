package dev.lifecycle.demo;

import java.util.List;

/**
 * One outage replay. {@link #run} runs one variant (both run at once, side by side, each in its own
 * JVM) and records what it measured; {@link #rows} and {@link #charts} say what the table and the
 * report show.
 */
interface Scenario {
  /** A chart of one series, unprotected and protected on the same axes. */
  record Chart(String series, String title, String unit, double divisor) {}

  /** A row of the table: a label and the two runs' figures. */
  record Row(String label, String unprotected, String protectedRun) {}

  /** The name on the command line: {@code fd-leak}. */
  String name();

  /** One line: the outage. */
  String title();

  /** What happened, from the postmortem. */
  String outage();

  /** What the unprotected run's code does. */
  String unprotectedStory();

  /** What the protected run uses of the library. */
  String protectedStory();

  List<Chart> charts();

  /** Runs {@code variant} into {@code record}; {@code status} is updated for the progress line. */
  void run(Variant variant, DemoOptions options, RunRecord record, Status status) throws Exception;

  /** The table's rows for a finished pair of runs. */
  List<Row> rows(RunRecord unprotected, RunRecord protectedRun);

  /** A run's one-line status for the progress line. */
  final class Status {
    private volatile String text = "starting";

    void set(String text) {
      this.text = text;
    }

    String get() {
      return text;
    }
  }
}
