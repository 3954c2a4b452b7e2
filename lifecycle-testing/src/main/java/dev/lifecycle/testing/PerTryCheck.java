package dev.lifecycle.testing;

import dev.lifecycle.core.Attribution;
import dev.lifecycle.core.LiveResource;
import dev.lifecycle.proptest.TryHook;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks one try of a property: a resource opened in the try and still open when it returns fails
 * the try, so the engine shrinks it and reports its seed. Runs on the thread of the tries.
 */
final class PerTryCheck implements TryHook {
  private final String label;
  private final @Nullable Class<?> testClass;
  private @Nullable Attribution current;

  PerTryCheck(String label, @Nullable Class<?> testClass) {
    this.label = label;
    this.testClass = testClass;
  }

  @Override
  public void beforeTry(ExtensionContext context) {
    current = Attribution.begin(label + " (one try)");
  }

  @Override
  public void afterTry(ExtensionContext context) {
    Attribution attribution = current;
    if (attribution == null) {
      return;
    }
    current = null;
    List<LiveResource> left = new ArrayList<>(attribution.open());
    left.addAll(attribution.leaked());
    attribution.close();
    if (!left.isEmpty()) {
      StringBuilder text =
          new StringBuilder("leak check failed for one try of ")
              .append(label)
              .append(": ")
              .append(left.size())
              .append(" tracked resource(s) opened in the try not closed when it returned:");
      Describe.resources(text, left, testClass);
      throw new AssertionError(text.toString());
    }
  }
}
