package dev.lifecycle.errorprone;

import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.matchers.Description;

/**
 * What a check does when its own analysis fails on some code: it never crashes javac and never
 * stays silent. The method is reported at {@link SeverityLevel#SUGGESTION} (a note, which
 * {@code -Werror} does not turn into an error) naming what could not be checked; with {@code
 * -XepOpt:Lifecycle:FailOnAnalysisError=true} (or the system property {@value #DEBUG_PROPERTY},
 * which this module's own tests set) the failure is rethrown and fails the compilation.
 */
final class AnalysisFailures {
  /** Set in this module's own tests, so that a crash fails a test instead of becoming a note. */
  static final String DEBUG_PROPERTY = "dev.lifecycle.errorprone.debug";

  private AnalysisFailures() {}

  /** Whether a failure must propagate instead of becoming a note. */
  static boolean mustFail(Settings settings) {
    return settings.failOnAnalysisError() || Boolean.getBoolean(DEBUG_PROPERTY);
  }

  /**
   * The note for an analysis of {@code what} that failed with {@code failure}; rethrows the
   * failure when {@link #mustFail} says so.
   */
  // A failure of the analysis is not a finding: it must not carry the check's ERROR severity,
  // which -Werror builds would turn into a broken build; a note is what is wanted here.
  @SuppressWarnings("RestrictedApi")
  static Description note(
      Description.Builder builder, String what, Throwable failure, Settings settings) {
    if (mustFail(settings)) {
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException("the resource analysis failed on " + what, failure);
    }
    return builder
        .overrideSeverity(SeverityLevel.SUGGESTION)
        .setMessage(
            "the resource analysis failed on "
                + what
                + " ("
                + failure.getClass().getSimpleName()
                + "), so it was not checked; please report this with the code, or pass"
                + " -XepOpt:"
                + Settings.FAIL_ON_ANALYSIS_ERROR_FLAG
                + "=true to see the failure")
        .build();
  }
}
