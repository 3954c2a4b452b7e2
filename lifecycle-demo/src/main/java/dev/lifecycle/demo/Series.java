package dev.lifecycle.demo;

import java.util.ArrayList;
import java.util.List;

/** One measured figure over time: (seconds since the run started, value) points. Thread-safe. */
final class Series {
  /** One point. */
  record Point(double seconds, double value) {}

  private final String name;
  private final List<Point> points = new ArrayList<>();

  Series(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  synchronized void add(double seconds, double value) {
    points.add(new Point(seconds, value));
  }

  void add(double seconds, long value) {
    add(seconds, (double) value);
  }

  synchronized List<Point> points() {
    return List.copyOf(points);
  }

  synchronized boolean isEmpty() {
    return points.isEmpty();
  }

  /** The last value, or 0 when there is none. */
  synchronized double last() {
    return points.isEmpty() ? 0 : points.get(points.size() - 1).value();
  }

  /** The highest value, or 0 when there is none. */
  synchronized double max() {
    return points.stream().mapToDouble(Point::value).max().orElse(0);
  }

  /** The lowest value, or 0 when there is none. */
  synchronized double min() {
    return points.stream().mapToDouble(Point::value).min().orElse(0);
  }

  /** The highest value of the points in the first {@code fraction} of the run's time. */
  synchronized double maxBefore(double seconds) {
    return points.stream().filter(p -> p.seconds() <= seconds).mapToDouble(Point::value).max().orElse(0);
  }
}
