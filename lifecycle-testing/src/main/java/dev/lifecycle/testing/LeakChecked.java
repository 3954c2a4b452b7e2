package dev.lifecycle.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails a test that leaves a tracked resource open, leaks one, leaves file descriptors open or
 * leaves a thread running: the failure lists each resource with its kind, owner, age and the line
 * that opened it.
 *
 * <pre>{@code
 * @LeakChecked
 * final class OrderServiceTest {
 *   @Test
 *   void placeOrder_closesItsConnection() { ... }
 *
 *   @Test
 *   @LeakChecked(threads = false) // this one starts the shared scheduler on purpose
 *   void schedule_runsLater() { ... }
 * }
 * }</pre>
 *
 * <p>On a class, it applies to every test method (and is inherited by subclasses); on a method, its
 * values replace the class's for that method. {@code @ExtendWith(LeakCheckExtension.class)} alone
 * gives the defaults. See {@link LeakCheckExtension} for what is checked, when, and the isolation
 * it gives under parallel execution.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(LeakCheckExtension.class)
public @interface LeakChecked {
  /**
   * Fails when a tracked resource opened in the test is still open after it, or was leaked. When
   * false, nothing is recorded for the test either (no allocation stacks are captured for it), so
   * a test that measures its own heap can still have its file descriptors and threads checked.
   */
  boolean resources() default true;

  /** Fails when the process's open file-descriptor count grew by more than {@link #fdTolerance}. */
  boolean fileDescriptors() default true;

  /** How many more file descriptors than before the test are tolerated. */
  int fdTolerance() default 0;

  /** Fails when a thread started during the test is still alive after it. */
  boolean threads() default true;

  /**
   * Regular expressions of thread names that may outlive the test (pools the code under test
   * shares on purpose); {@code lifecycle-.*} threads and JVM threads are always allowed.
   */
  String[] allowedThreads() default {};

  /**
   * How long, as an ISO-8601 duration, the check waits after the test for resources to be closed
   * or collected and for threads to end before it fails; default {@code PT2S}.
   */
  String grace() default "PT2S";

  /**
   * Checks each try of a {@code @PropertyTest} on its own: a try that leaves a tracked resource
   * open fails, is shrunk and is reported with its seed. On by default.
   */
  boolean perTry() default true;
}
