package dev.lifecycle.core;

/**
 * How much a {@link Tracker} records about each resource it tracks, as in Netty's leak detector.
 *
 * <p>Every level but {@link #OFF} detects every leak; the levels differ in what a report can say
 * about where the resource was opened and what happened to it.
 */
public enum DetectionLevel {
  /**
   * Nothing is tracked: no leak reports, no inventory. {@link Tracked#close()} stays exactly-once
   * and use after close still fails, but its message cannot say when the resource was closed.
   * Accounting kinds ({@code lifecycle.Permit}, {@code lifecycle.Lease}, {@code
   * lifecycle.FdReservation}) are the exception: correct counts matter more than a few nanoseconds,
   * so they are still tracked, without stacks, and a dropped one is released and counted (not
   * reported).
   */
  OFF,
  /**
   * Every resource is tracked and every leak is reported; the allocation stack is captured for one
   * resource in N (N is the sampling interval). The default.
   */
  SAMPLED,
  /** Every resource is tracked with its allocation stack. */
  FULL,
  /**
   * {@link #FULL}, plus a bounded list of access records made by {@link Tracked#touch(String)}, each
   * with its stack, and the stack of the call that closed the resource.
   */
  PARANOID
}
