package dev.lifecycle.core.internal;

import dev.lifecycle.core.Masking;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The one way the library calls code it does not own: listeners, a resource's {@code close()},
 * callbacks, and {@code toString()} for messages.
 *
 * <p>User code may throw any {@link Throwable}, {@link VirtualMachineError}s included. Nothing thrown
 * here escapes to a library thread or skips the next listener or policy: each failure is logged once
 * (masked, through {@link Masking}) and, where the caller needs it, returned. An {@link
 * InterruptedException} thrown sneakily by user code restores the calling thread's interrupt flag.
 * Stateless and thread-safe.
 */
public final class UserCode {
  private static final Logger LOG = System.getLogger("dev.lifecycle");

  private UserCode() {}

  /** User code that may throw anything. */
  @FunctionalInterface
  public interface Call {
    /** Runs the call. */
    void run() throws Exception;
  }

  /**
   * Delivers one event to every listener, in order. A listener that throws is logged with {@code
   * event} and the next one still gets the event.
   */
  public static <L> void fanOut(Iterable<? extends L> listeners, String event, Consumer<? super L> call) {
    for (L listener : listeners) {
      try {
        call.accept(listener);
      } catch (Throwable t) { // user code: anything, and it must not reach the library's thread
        failed("listener " + typeOf(listener) + " failed on " + event, t);
      }
    }
  }

  /**
   * Runs {@code call}; returns what it threw, or null. The failure is not logged: the caller reports
   * it (in a report, an event or an exception of its own).
   */
  public static @Nullable Throwable run(Call call) {
    try {
      call.run();
      return null;
    } catch (Throwable t) { // user code: anything; the caller decides what it means
      restoreInterrupt(t);
      return t;
    }
  }

  /** Closes {@code resource}; returns what its {@code close()} threw, or null. Not logged. */
  public static @Nullable Throwable close(AutoCloseable resource) {
    return run(resource::close);
  }

  /**
   * Runs {@code call} and logs (at ERROR, naming {@code what}) anything it throws; returns whether it
   * completed normally. For callbacks whose failure nobody else would hear of.
   */
  public static boolean runLogged(String what, Call call) {
    Throwable failure = run(call);
    if (failure == null) {
      return true;
    }
    failed(what + " failed", failure);
    return false;
  }

  /**
   * {@code String.valueOf(value)}, masked, for messages: a {@code toString()} that throws (or returns
   * null) gives {@code ClassName@hash} instead of a failure.
   */
  public static String describe(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    String text;
    try {
      text = value.toString();
    } catch (Throwable t) { // user code: a broken toString() must not break the message around it
      restoreInterrupt(t);
      text = null;
    }
    if (text == null) {
      return identity(value);
    }
    return Masking.mask(text);
  }

  /** {@code ClassName@hash}: a value named without calling any of its methods. */
  public static String identity(Object value) {
    return value.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(value));
  }

  /**
   * A throwable from user code, as masked text for a report or message: {@code Type: message}, with
   * a {@code toString()} or {@code getMessage()} that throws handled.
   */
  public static String describeFailure(Throwable failure) {
    String message;
    try {
      message = failure.getMessage();
    } catch (Throwable t) { // user code: getMessage() can be overridden and throw
      restoreInterrupt(t);
      message = null;
    }
    String type = failure.getClass().getName();
    return message == null ? type : type + ": " + Masking.mask(message);
  }

  /**
   * Logs, once, that user code failed: {@code message} at ERROR, with the failure's masked text and
   * stack. Never throws, even when the logging system itself fails or memory is short.
   */
  public static void failed(String message, Throwable failure) {
    restoreInterrupt(failure);
    try {
      LOG.log(Level.ERROR, "lifecycle: " + Masking.mask(message) + ": " + describeFailure(failure), masked(failure));
    } catch (Throwable ignored) { // logging failed too (out of memory, a broken handler): nothing left to tell
      // deliberately empty: the library's thread must survive its own logging
    }
  }

  private static void restoreInterrupt(Throwable t) {
    if (t instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
  }

  private static String typeOf(Object listener) {
    return listener.getClass().getName();
  }

  /** A stand-in with the masked message and the original stack, so no log line carries a secret. */
  private static Throwable masked(Throwable failure) {
    Throwable copy = new MaskedFailure(describeFailure(failure));
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }

  /** What a log line shows of a user failure: its masked text and its stack. */
  private static final class MaskedFailure extends Exception {
    private static final long serialVersionUID = 1L;

    MaskedFailure(String text) {
      super(text, null, false, true);
    }
  }
}
