package dev.lifecycle.netty;

import java.io.IOException;

/** A connect that a {@link ClientConnectionBudget} did not start because a limit was reached. */
public final class ConnectionBudgetExceededException extends IOException {
  private static final long serialVersionUID = 1L;

  ConnectionBudgetExceededException(String message) {
    super(message);
  }
}
