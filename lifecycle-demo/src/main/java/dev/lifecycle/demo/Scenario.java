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

  /**
   * A moment a chart marks with a vertical line and a label: a trend alarm fired, a stall reported,
   * the FD limit hit. {@code seconds} is on the run's time axis.
   */
  record Marker(Variant variant, double seconds, String label) {}

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

  /** The moments the charts mark, from what the two runs recorded; none by default. */
  default List<Marker> markers(RunRecord unprotected, RunRecord protectedRun) {
    return List.of();
  }

  /** The first event of {@code run} whose text starts with {@code prefix}, as a marker labelled {@code label}. */
  static java.util.Optional<Marker> firstEvent(RunRecord run, String prefix, String label) {
    return run.events().stream().filter(e -> e.text().startsWith(prefix)).findFirst()
        .map(e -> new Marker(run.variant(), e.seconds(), label));
  }

  /** The first point of {@code run}'s series {@code name} above {@code value}, as a marker labelled {@code label}. */
  static java.util.Optional<Marker> firstAbove(RunRecord run, String name, double value, String label) {
    if (!run.hasSeries(name)) {
      return java.util.Optional.empty();
    }
    return run.series(name).points().stream().filter(p -> p.value() > value).findFirst()
        .map(p -> new Marker(run.variant(), p.seconds(), label));
  }

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
