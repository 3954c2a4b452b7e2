package dev.lifecycle.testing;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What a {@link LeakChecked} asks for, parsed once per test. */
record CheckSettings(
    boolean resources,
    boolean fileDescriptors,
    int fdTolerance,
    boolean threads,
    List<Pattern> allowedThreads,
    Duration grace,
    boolean perTry) {

  /** Threads that are never blamed: the library's, the JVM's and the test engine's. */
  private static final List<Pattern> ALWAYS_ALLOWED =
      List.of(
          Pattern.compile("lifecycle-.*"),
          Pattern.compile("Common-Cleaner|Attach Listener|process reaper|Signal Dispatcher"),
          Pattern.compile("Reference Handler|Finalizer|Notification Thread|surefire-.*|junit-.*"));

  static final CheckSettings DEFAULTS =
      new CheckSettings(true, true, 0, true, ALWAYS_ALLOWED, Duration.ofSeconds(2), true);

  static CheckSettings of(LeakChecked annotation) {
    if (annotation.fdTolerance() < 0) {
      throw new IllegalArgumentException(
          "@LeakChecked(fdTolerance = " + annotation.fdTolerance() + ") must not be negative");
    }
    List<Pattern> allowed = new ArrayList<>(ALWAYS_ALLOWED);
    for (String regex : annotation.allowedThreads()) {
      try {
        allowed.add(Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "@LeakChecked(allowedThreads = \"" + regex + "\") is not a regular expression", e);
      }
    }
    Duration grace;
    try {
      grace = Duration.parse(annotation.grace().strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "@LeakChecked(grace = \"" + annotation.grace() + "\") is not an ISO-8601 duration; write e.g. \"PT2S\"",
          e);
    }
    if (grace.isNegative()) {
      throw new IllegalArgumentException("@LeakChecked(grace = \"" + annotation.grace() + "\") must not be negative");
    }
    return new CheckSettings(
        annotation.resources(),
        annotation.fileDescriptors(),
        annotation.fdTolerance(),
        annotation.threads(),
        List.copyOf(allowed),
        grace,
        annotation.perTry());
  }

  boolean allowed(String threadName) {
    for (Pattern pattern : allowedThreads) {
      if (pattern.matcher(threadName).matches()) {
        return true;
      }
    }
    return false;
  }
}
