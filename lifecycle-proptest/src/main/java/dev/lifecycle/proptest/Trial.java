package dev.lifecycle.proptest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One try of a property: generate from the choices, run, and say whether and how it failed. */
@FunctionalInterface
interface Trial {
  /**
   * What a failing try generated, rendered for people; how it failed ("threw", "invariant .. failed
   * after step 3"); what it threw; and what it generated as values (a value property's
   * arguments, a stateful property's steps as text), unmodifiable.
   */
  record Failure(
      String counterexample, String outcome, Throwable cause, List<@Nullable Object> values) {}

  /**
   * Runs one try.
   *
   * @param record whether this try counts in the statistics (shrinking runs do not)
   * @return the failure, or {@code null} if the try passed
   * @throws Choices.Invalid if the try cannot be completed and counts neither way
   */
  @Nullable Failure run(Choices in, boolean record);

  /**
   * How often the failing case {@code choices} fails when replayed, for a trial whose outcome
   * varies from run to run (concurrent mode); null for a deterministic one.
   */
  default @Nullable String reproduction(long[] choices) {
    return null;
  }
}
