package dev.lifecycle.netty;

import dev.lifecycle.core.CapacityExceededException;

/**
 * A connect that a {@link ClientConnectionBudget} did not start because a limit was reached.
 *
 * @deprecated catch {@link CapacityExceededException}, the one "no room" type of every lifecycle
 *     module; the budget's futures still fail with this subclass of it, so code that catches
 *     either keeps working
 */
@Deprecated
public final class ConnectionBudgetExceededException extends CapacityExceededException {
  private static final long serialVersionUID = 1L;

  ConnectionBudgetExceededException(String message) {
    super(message);
  }
}
