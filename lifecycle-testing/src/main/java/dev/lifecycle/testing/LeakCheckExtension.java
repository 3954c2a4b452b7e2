package dev.lifecycle.testing;

import dev.lifecycle.proptest.PropertyTest;
import dev.lifecycle.proptest.TryHook;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link LeakChecked}: fails a test that leaves tracked
 * resources, file descriptors or threads behind. It closes nothing itself.
 *
 * <p><b>Before each test</b> it starts an {@link dev.lifecycle.core.Attribution} on the test's
 * thread (so every tracked resource opened by that thread, or by a thread it creates, is recorded
 * with its allocation stack, whatever the tracker's sampling level), and records the process's open
 * file-descriptor count and its live threads. {@code @BeforeEach} methods run inside this window,
 * {@code @AfterEach} methods too.
 *
 * <p><b>After each test</b> it waits up to the {@linkplain LeakChecked#grace() grace period},
 * running the GC, until every resource opened in the test is closed or collected, the descriptor
 * count is back within its tolerance and the new threads have ended; then it fails the test,
 * listing each resource still open and each one the tracker found garbage-collected without close
 * (kind, id, owner, age, thread, and the allocation stack down to the test's line), the descriptor
 * growth, and each surviving thread with its stack.
 *
 * <p><b>Per try.</b> On a {@code @PropertyTest}, each try is checked too, through a {@link TryHook}:
 * a try that leaves a resource open fails, so it is shrunk and reported with the seed like any
 * other failure. The per-try check does not wait: a resource still open when the try returns fails
 * it.
 *
 * <p><b>Isolation under parallel execution.</b>
 *
 * <ul>
 *   <li>Resources are attributed exactly: a test is blamed only for resources opened by its own
 *       thread or by threads created (transitively) from it during the test. Work handed to a pool
 *       whose threads existed before the test is not attributed to it (nor to any other test).
 *   <li>File descriptors are process-wide. When another leak-checked test ran at the same time and
 *       the count grew, the check refuses to guess: it fails saying that the test must run {@code
 *       @Isolated} (or with {@code fileDescriptors = false}) to be judged. With no growth it passes.
 *   <li>Threads: a new thread is blamed only if the test created at least one thread itself. When
 *       another leak-checked test overlapped, the failure says that some listed threads may be the
 *       other test's; {@code @Isolated} makes the check exact. Fork-join pool workers are never
 *       blamed (pools are shared), nor are threads matching {@link LeakChecked#allowedThreads()},
 *       {@code lifecycle-.*}, or the JVM's own.
 * </ul>
 *
 * <p>Created by JUnit; thread-safe.
 */
public final class LeakCheckExtension implements BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LeakCheckExtension.class);

  /** Created by JUnit through {@link LeakChecked} or {@code @ExtendWith}. */
  public LeakCheckExtension() {}

  @Override
  public void beforeEach(ExtensionContext context) {
    CheckSettings settings = settings(context);
    String label = label(context);
    Class<?> testClass = context.getTestClass().orElse(null);
    Window window = Window.open(label, testClass, settings);
    context.getStore(NAMESPACE).put(Window.class, window);
    boolean property =
        context.getTestMethod().map(m -> m.isAnnotationPresent(PropertyTest.class)).orElse(false);
    if (property && settings.resources() && settings.perTry()) {
      TryHook.register(context, new PerTryCheck(label, testClass));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Window window = context.getStore(NAMESPACE).remove(Window.class, Window.class);
    if (window == null) {
      return;
    }
    String failure = window.close();
    if (failure != null) {
      throw new AssertionError(failure);
    }
  }

  private static String label(ExtensionContext context) {
    String type = context.getTestClass().map(Class::getSimpleName).orElse("?");
    String method = context.getTestMethod().map(m -> m.getName() + "()").orElse(context.getDisplayName());
    return type + "." + method;
  }

  /** The nearest {@link LeakChecked}: the method's, else its class's (or an enclosing class's). */
  static CheckSettings settings(ExtensionContext context) {
    LeakChecked found = find(context.getTestMethod());
    for (Optional<ExtensionContext> c = Optional.of(context);
        found == null && c.isPresent();
        c = c.get().getParent()) {
      found = find(c.get().getElement());
    }
    return found == null ? CheckSettings.DEFAULTS : CheckSettings.of(found);
  }

  private static @Nullable LeakChecked find(Optional<? extends AnnotatedElement> element) {
    return element.flatMap(e -> AnnotationSupport.findAnnotation(e, LeakChecked.class)).orElse(null);
  }
}
