package dev.lifecycle.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last few {@code touch} records of one resource (level {@code PARANOID}). Thread-safe. */
final class AccessLog {
  private final int capacity;
  private final ArrayDeque<Access> records;
  private long dropped;

  private record Access(String hint, String thread, Throwable site) {}

  AccessLog(int capacity) {
    this.capacity = capacity;
    this.records = new ArrayDeque<>(capacity);
  }

  synchronized void add(String hint) {
    if (capacity == 0) {
      dropped++;
      return;
    }
    if (records.size() == capacity) {
      records.removeFirst();
      dropped++;
    }
    records.addLast(new Access(hint, Thread.currentThread().getName(), new Throwable()));
  }

  /** The records, oldest first, each as {@code hint on thread t at frame}. */
  List<String> describe() {
    List<Access> copy;
    long droppedNow;
    synchronized (this) {
      copy = new ArrayList<>(records);
      droppedNow = dropped;
    }
    List<String> lines = new ArrayList<>(copy.size() + 1);
    if (droppedNow > 0) {
      lines.add("(" + droppedNow + " older record(s) dropped)");
    }
    for (Access access : copy) {
      List<StackTraceElement> stack = Texts.stackOf(access.site);
      String at = stack.isEmpty() ? "" : " at " + stack.get(0);
      lines.add(Texts.mask(access.hint) + " on thread " + access.thread + at);
    }
    return lines;
  }
}
