package dev.lifecycle.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** A resource for tests: counts its closes, logs them in a shared journal, may throw on close. */
@SuppressWarnings("try") // close() throws what the test gives it, InterruptedException included
final class Probe implements AutoCloseable {
  final String name;
  private final List<String> journal;
  private final @Nullable Exception failure;
  final AtomicInteger closes = new AtomicInteger();

  Probe(String name, List<String> journal, @Nullable Exception failure) {
    this.name = name;
    this.journal = journal;
    this.failure = failure;
  }

  Probe(String name, List<String> journal) {
    this(name, journal, null);
  }

  static List<String> journal() {
    return new CopyOnWriteArrayList<>();
  }

  @Override
  public void close() throws Exception {
    closes.incrementAndGet();
    journal.add(name);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "probe " + name;
  }
}
