package dev.lifecycle.jdbc;

import dev.lifecycle.core.LeakReport;
import dev.lifecycle.core.LongHoldReport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps what it hears. */
final class Recorder implements JdbcListener {
  final List<LeakReport> leaks = new CopyOnWriteArrayList<>();
  final List<LongHoldReport> holds = new CopyOnWriteArrayList<>();
  final List<UnclosedChildrenReport> unclosed = new CopyOnWriteArrayList<>();
  final List<ConcurrentUseReport> concurrent = new CopyOnWriteArrayList<>();

  @Override
  public void onLeak(LeakReport report) {
    leaks.add(report);
  }

  @Override
  public void onLongHold(LongHoldReport report) {
    holds.add(report);
  }

  @Override
  public void onUnclosedChildren(UnclosedChildrenReport report) {
    unclosed.add(report);
  }

  @Override
  public void onConcurrentUse(ConcurrentUseReport report) {
    concurrent.add(report);
  }
}
