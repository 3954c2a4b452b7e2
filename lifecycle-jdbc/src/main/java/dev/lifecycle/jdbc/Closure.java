package dev.lifecycle.jdbc;

import dev.lifecycle.core.Masking;
import dev.lifecycle.core.internal.UserCode;
import java.sql.SQLException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** When, by which thread and how a JDBC wrapper was closed; immutable. */
final class Closure {
  private final String thread;
  private final Instant at;
  private final String how;

  private Closure(String thread, Instant at, String how) {
    this.thread = thread;
    this.at = at;
    this.how = how;
  }

  /** Closed now, by the calling thread; {@code how} is {@code "closed"}, {@code "aborted"}... */
  static Closure now(String how) {
    return new Closure(Thread.currentThread().getName(), Instant.now(), how);
  }

  /** The use-after-close failure for {@code what}: says when and by whom it was closed. */
  SQLException exception(String what, @Nullable String sqlState) {
    return new SQLException(
        Masking.mask(what)
            + " is closed: "
            + how
            + " at "
            + at
            + " by thread "
            + thread
            + "; do not use it after close()",
        sqlState);
  }

  /** {@code first}, with {@code next} suppressed on it; or {@code next} when there is no first. */
  @SuppressWarnings("ReferenceEquality") // the very same throwable cannot be suppressed on itself
  static @Nullable Throwable add(@Nullable Throwable first, @Nullable Throwable next) {
    if (first == null) {
      return next;
    }
    if (next != null && next != first) {
      first.addSuppressed(next);
    }
    return first;
  }

  /** Throws {@code failure}: an SQLException, an unchecked one or an Error as it is. */
  static void rethrow(@Nullable Throwable failure) throws SQLException {
    if (failure == null) {
      return;
    }
    if (failure instanceof SQLException e) {
      throw e;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    throw new SQLException("close failed: " + UserCode.describeFailure(failure), failure);
  }
}
