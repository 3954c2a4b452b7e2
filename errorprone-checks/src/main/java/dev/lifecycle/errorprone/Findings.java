package dev.lifecycle.errorprone;

import com.google.errorprone.ErrorProneOptions;
import com.google.errorprone.VisitorState;
import com.sun.source.util.TreePath;

/**
 * One mistake, one finding: which check reports a resource when several would. {@code
 * UnclosedResource} leaves a {@code Scope.open(..)} outside try-with-resources to {@code
 * ScopeNotInTryWithResources} and a discarded resource to {@code DiscardedResource}, unless that
 * check is turned off.
 */
final class Findings {
  private Findings() {}

  /** Whether another check reports the resource created at {@code allocation}. */
  static boolean reportedByAnotherCheck(
      TreePath allocation, VisitorState state, Settings settings) {
    return ScopeNotInTryWithResources.reportsInstead(allocation, state, settings)
        || DiscardedResource.reportsInstead(allocation, state, settings);
  }

  /**
   * Whether the check named {@code name} runs in this compilation, as far as the flags say: not
   * {@code -Xep:Name:OFF}, and not {@code -XepDisableAllChecks} without {@code -Xep:Name}.
   */
  static boolean isEnabled(String name, VisitorState state) {
    ErrorProneOptions options = state.errorProneOptions();
    ErrorProneOptions.Severity severity = options.getSeverityMap().get(name);
    return severity == null
        ? !options.isDisableAllChecks()
        : severity != ErrorProneOptions.Severity.OFF;
  }
}
