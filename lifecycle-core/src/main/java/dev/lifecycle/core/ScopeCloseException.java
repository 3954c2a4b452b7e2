package dev.lifecycle.core;

/**
 * Closing a {@link Scope} failed with a checked exception: the cause is the first failure, with
 * every later failure of the same close attached to it as suppressed. Unchecked failures are thrown
 * as they are.
 */
public final class ScopeCloseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ScopeCloseException(String message, Throwable cause) {
    super(message, cause);
  }
}
