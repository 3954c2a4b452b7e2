package dev.lifecycle.core;

import dev.lifecycle.core.internal.UserCode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Text for people: masking of credentials, ages, stacks. Stateless. */
final class Texts {
  static final String MASK = Masking.MASK;

  /** Package names of the frames that a report leaves out of an allocation stack. */
  private static final String[] OWN_CLASSES = {
    "dev.lifecycle.core.Handle",
    "dev.lifecycle.core.ResourceKind",
    "dev.lifecycle.core.Tracker",
    "dev.lifecycle.core.Context",
    "dev.lifecycle.core.AccessLog",
    "dev.lifecycle.core.Scope",
    "dev.lifecycle.core.Lease",
    "dev.lifecycle.core.BoundedRegistry",
    "dev.lifecycle.core.Permit",
    "dev.lifecycle.core.KeyedPermits",
    "dev.lifecycle.core.FdBudget",
    "dev.lifecycle.core.FdBudget$Reservation",
  };

  private Texts() {}

  /** {@link Masking#mask(String)}: the one masking path. */
  static String mask(String text) {
    return Masking.mask(text);
  }

  /** {@link Masking#maskOrNull(String)}. */
  static @Nullable String maskOrNull(@Nullable String text) {
    return Masking.maskOrNull(text);
  }

  /**
   * A resource for an exception message, masked, never throwing: its {@code toString()}, with its
   * tracked id when it is a {@link TrackedResource} whose text does not show it.
   */
  static String describe(Object resource) {
    String text = UserCode.describe(resource);
    if (resource instanceof Scope || !(resource instanceof TrackedResource trackedResource)) {
      return text;
    }
    String id;
    try {
      id = trackedResource.tracked().id();
    } catch (Throwable t) { // user code: tracked() may be broken; the text is all there is then
      return text;
    }
    if (text.contains(id)) {
      return text;
    }
    return text.startsWith(resource.getClass().getName() + "@") ? id : text + " (" + id + ")";
  }

  /** {@code " (description; owner: scope "path")"}, or nothing when both are absent. */
  static void appendDetails(
      StringBuilder line, @Nullable String description, @Nullable String owner) {
    if (description == null && owner == null) {
      return;
    }
    line.append(" (");
    if (description != null) {
      line.append(description);
    }
    if (owner != null) {
      line.append(description == null ? "" : "; ").append("owner: scope \"").append(owner).append('"');
    }
    line.append(')');
  }

  /** The frame a person looks for: the first one that is not a constructor, else the first one. */
  static @Nullable StackTraceElement callerFrame(List<StackTraceElement> stack) {
    for (StackTraceElement frame : stack) {
      if (!frame.getMethodName().equals("<init>")) {
        return frame;
      }
    }
    return stack.isEmpty() ? null : stack.get(0);
  }

  /** {@code Class.method(File.java:12)}: a frame without its module, for one-line summaries. */
  static String frame(StackTraceElement frame) {
    String file = frame.getFileName();
    String where =
        file == null
            ? "Unknown Source"
            : frame.getLineNumber() >= 0 ? file + ":" + frame.getLineNumber() : file;
    return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
  }

  /** The stack of {@code site} without the tracker's own frames. */
  static List<StackTraceElement> stackOf(@Nullable Throwable site) {
    return stackOf(site, null);
  }

  /**
   * The stack of {@code site} from the caller on: without the library's own leading frames nor
   * those of {@code wrapperClass} (its constructors and factories) and its nested classes.
   */
  static List<StackTraceElement> stackOf(@Nullable Throwable site, @Nullable String wrapperClass) {
    if (site == null) {
      return List.of();
    }
    StackTraceElement[] frames = site.getStackTrace();
    int from = 0;
    while (from < frames.length
        && (isOwnFrame(frames[from]) || isWrapperFrame(frames[from], wrapperClass))) {
      from++;
    }
    return List.of(frames).subList(from, frames.length);
  }

  private static boolean isWrapperFrame(StackTraceElement frame, @Nullable String wrapperClass) {
    if (wrapperClass == null) {
      return false;
    }
    String name = frame.getClassName();
    return name.equals(wrapperClass)
        || (name.startsWith(wrapperClass) && name.charAt(wrapperClass.length()) == '$');
  }

  private static boolean isOwnFrame(StackTraceElement frame) {
    for (String own : OWN_CLASSES) {
      if (frame.getClassName().equals(own)) {
        return true;
      }
    }
    return false;
  }

  static void appendStack(StringBuilder text, String title, List<StackTraceElement> stack) {
    if (stack.isEmpty()) {
      return;
    }
    text.append('\n').append(title);
    for (StackTraceElement frame : stack) {
      text.append("\n\tat ").append(frame(frame));
    }
  }

  /** {@code 350 ms}, {@code 41 s}, {@code 3 min}, {@code 2 h}, {@code 4 d}. */
  static String age(Duration age) {
    long millis = Math.max(0, age.toMillis());
    if (millis < 10_000) {
      return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = millis / 1000;
    if (seconds < 120) {
      return seconds + " s";
    }
    if (seconds < 7200) {
      return seconds / 60 + " min";
    }
    return seconds < 172_800 ? seconds / 3600 + " h" : seconds / 86_400 + " d";
  }
}
