package dev.lifecycle.demo;

import dev.lifecycle.core.Masking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What one run of a scenario measured: series over time, final figures (numbers the tests read,
 * texts the table shows) and notable events. Thread-safe.
 */
final class RunRecord {
  /** A notable moment: an alarm, a stall report, the first refused connection. */
  record Event(double seconds, String text) {}

  private final Variant variant;
  private final Map<String, Series> series = new LinkedHashMap<>();
  private final Map<String, Double> numbers = new ConcurrentHashMap<>();
  private final Map<String, String> texts = new ConcurrentHashMap<>();
  private final List<Event> events = new ArrayList<>();
  private volatile @Nullable String skipped;

  RunRecord(Variant variant) {
    this.variant = variant;
  }

  Variant variant() {
    return variant;
  }

  /** The series named {@code name}, created on first use. */
  synchronized Series series(String name) {
    return series.computeIfAbsent(name, Series::new);
  }

  synchronized List<Series> allSeries() {
    return List.copyOf(series.values());
  }

  synchronized boolean hasSeries(String name) {
    return series.containsKey(name);
  }

  void number(String name, double value) {
    numbers.put(name, value);
  }

  void number(String name, long value) {
    numbers.put(name, (double) value);
  }

  OptionalDouble number(String name) {
    Double v = numbers.get(name);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** The number named {@code name}, or {@code fallback} when it was not measured. */
  double numberOr(String name, double fallback) {
    Double v = numbers.get(name);
    return v == null ? fallback : v;
  }

  void text(String name, String value) {
    texts.put(name, Masking.mask(value));
  }

  @Nullable String text(String name) {
    return texts.get(name);
  }

  synchronized void event(double seconds, String text) {
    events.add(new Event(seconds, Masking.mask(text)));
  }

  synchronized List<Event> events() {
    return List.copyOf(events);
  }

  /** Marks the run as not runnable here, saying why (masked: it may quote a child's log). */
  void skip(String why) {
    skipped = Masking.mask(why);
  }

  @Nullable String skipped() {
    return skipped;
  }
}
