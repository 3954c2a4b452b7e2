package dev.lifecycle.testing;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** The calls of one faulty wrapper: decides, by its plan, which call fails and how close behaves. */
final class FaultCounter {
  final Faults faults;
  private final String what;
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();

  FaultCounter(Faults faults, String what) {
    this.faults = faults;
    this.what = what;
  }

  /** Counts a call; throws on the planned one. */
  void call(String method) {
    int n = calls.incrementAndGet();
    if (n == faults.failOnCall) {
      throw new InjectedFault(message(method, n));
    }
  }

  void callIo(String method) throws IOException {
    try {
      call(method);
    } catch (InjectedFault e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  void callSql(String method) throws SQLException {
    try {
      call(method);
    } catch (InjectedFault e) {
      throw new SQLException(e.getMessage(), "58000", e);
    }
  }

  private String message(String method, int n) {
    return "injected fault: call " + n + " (" + method + ") of " + what + " fails (" + faults + ")";
  }

  /** Whether close was called; the first call returns true. */
  boolean startClose() {
    return !closed.getAndSet(true);
  }

  boolean isClosed() {
    return closed.get();
  }

  /** The planned close delay; keeps the interrupt flag if interrupted. */
  void delayClose() {
    if (faults.slowClose.isZero()) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(faults.slowClose.toNanos()); // the injected slowness itself
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** After closing the delegate: the planned close failure, or null. */
  String closeFailure() {
    return "injected fault: close of " + what + " fails (" + faults + ")";
  }
}
