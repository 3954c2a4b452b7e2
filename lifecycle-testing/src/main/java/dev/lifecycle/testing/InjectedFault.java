package dev.lifecycle.testing;

/** The unchecked failure a {@link Faults} plan injects; its message says which fault and call. */
public final class InjectedFault extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InjectedFault(String message) {
    super(message);
  }
}
