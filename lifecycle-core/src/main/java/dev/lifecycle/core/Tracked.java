package dev.lifecycle.core;

/**
 * The tracker's handle on one resource: a wrapper gets it from {@link ResourceKind#track} when it
 * is created, keeps it in a field and calls it from its own methods.
 *
 * <pre>{@code
 * final class Connection implements AutoCloseable {
 *   private static final ResourceKind KIND = Tracker.global().kind("demo.Connection");
 *   private final Socket socket;
 *   private final Tracked tracked;
 *
 *   Connection(Socket socket) {
 *     this.socket = socket;
 *     this.tracked = KIND.track(this, socket); // socket is what a leak reclaims
 *   }
 *
 *   int read() throws IOException {
 *     tracked.checkOpen(); // use after close: IllegalStateException saying when and by whom
 *     return socket.getInputStream().read();
 *   }
 *
 *   public void close() throws IOException {
 *     if (tracked.close()) { // true exactly once
 *       socket.close();
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safe: any thread may close, check or touch.
 */
public sealed interface Tracked permits Handle, OffHandle {
  /**
   * Marks the resource closed and stops tracking it. Returns {@code true} to exactly one caller,
   * the first, who must then release the raw resource; every later call, from any thread, returns
   * {@code false} and does nothing. Returns {@code false} as well when the tracker already found the
   * resource leaked.
   */
  boolean close();

  /**
   * Does nothing while the resource is open.
   *
   * @throws IllegalStateException if it was closed, saying when and by which thread (and, at
   *     {@code PARANOID}, with the closing call's stack as the cause)
   */
  void checkOpen();

  /** Whether {@link #close()} has not succeeded yet. */
  boolean isOpen();

  /**
   * Records an access at level {@code PARANOID} (the hint and the caller's stack, bounded to the
   * last few records), which a leak report then lists; does nothing at other levels.
   */
  void touch(String hint);

  /** The resource's id, {@code kind#hex}, as reports show it. */
  String id();
}
