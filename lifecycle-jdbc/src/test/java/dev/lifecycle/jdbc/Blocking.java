package dev.lifecycle.jdbc;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** An H2 function that blocks inside a statement until released: a call that is surely in progress. */
public final class Blocking {
  static volatile CountDownLatch entered = new CountDownLatch(1);
  static volatile CountDownLatch release = new CountDownLatch(1);

  private Blocking() {}

  static void reset() {
    entered = new CountDownLatch(1);
    release = new CountDownLatch(1);
  }

  /** Called by H2 as {@code BLOCK()}. */
  public static int block() throws InterruptedException {
    entered.countDown();
    return release.await(10, TimeUnit.SECONDS) ? 1 : 0;
  }
}
