package dev.lifecycle.proptest;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Code that runs around every try of a {@link PropertyTest}, shrink runs included: where a JUnit
 * extension checks each try (no resource left open, no thread left running), not just the whole
 * property. A try whose {@link #afterTry} throws fails like any other: it is shrunk and reported
 * with the seed that reproduces it.
 *
 * <p>Register a hook from a {@code BeforeEachCallback} with {@link #register}; it applies to the
 * property about to run. Hooks run on the thread that runs the tries, in registration order before
 * a try and in reverse order after it.
 */
public interface TryHook {
  /** Runs before a try calls the test method. Throwing fails the try. */
  default void beforeTry(ExtensionContext context) throws Exception {}

  /**
   * Runs after a try's test method returned or threw. Throwing fails the try; when the method
   * threw as well, its failure is the one reported, with this one suppressed.
   */
  default void afterTry(ExtensionContext context) throws Exception {}

  /**
   * Adds {@code hook} to the {@code @PropertyTest} invocation that {@code context} belongs to; does
   * nothing visible for a test that is not a property. Call it from {@code beforeEach}.
   */
  static void register(ExtensionContext context, TryHook hook) {
    Objects.requireNonNull(hook, "hook must not be null");
    hooks(context).add(hook);
  }

  /** The hooks registered for {@code context}'s invocation, in registration order. */
  @SuppressWarnings("unchecked") // only this interface writes the entry, always this type
  private static List<TryHook> hooks(ExtensionContext context) {
    return (List<TryHook>)
        context
            .getStore(ExtensionContext.Namespace.create(TryHook.class, context.getUniqueId()))
            .computeIfAbsent("hooks", key -> new CopyOnWriteArrayList<TryHook>(), List.class);
  }

  /** The hooks of {@code context}'s invocation, for the extension that runs the tries. */
  static List<TryHook> registered(ExtensionContext context) {
    return List.copyOf(hooks(context));
  }
}
