package dev.lifecycle.jdbc;

/**
 * What a {@link TrackedDataSource} does when one connection is used from two threads at once (a
 * call on the connection, or an execution on one of its statements, while another thread is inside
 * one). JDBC connections are not meant to be shared that way: the driver's protocol state is
 * corrupted, or one thread silently waits for the other.
 */
public enum ConcurrentUse {
  /** Not checked: no cost. */
  OFF,
  /** Reported once per connection (logged at WARNING and given to the listeners); the call goes on. */
  WARN,
  /** Reported, and the second thread's call fails with an {@code SQLException}. */
  STRICT
}
