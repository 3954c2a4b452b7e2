package dev.lifecycle.proptest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** A {@link TryHook} runs around every try; its failure fails the try, which is shrunk. */
final class TryHookTest {
  /** What the tries left behind: a try "leaks" when it leaves this above zero. */
  static final AtomicInteger LEFT_OPEN = new AtomicInteger();

  static final AtomicInteger BEFORE = new AtomicInteger();

  /** Registers a hook that fails a try which left something open. */
  static final class LeakHook implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
      TryHook.register(context, new TryHook() {
        @Override
        public void beforeTry(ExtensionContext c) {
          BEFORE.incrementAndGet();
          LEFT_OPEN.set(0);
        }

        @Override
        public void afterTry(ExtensionContext c) {
          int left = LEFT_OPEN.getAndSet(0);
          if (left > 0) {
            throw new AssertionError("the try left " + left + " open");
          }
        }
      });
    }
  }

  @ExtendWith(LeakHook.class)
  static final class Leaky {
    @PropertyTest(tries = 100, seed = "8")
    void leavesOpenAboveFive(@ForAll("small") int n) {
      if (n > 5) {
        LEFT_OPEN.incrementAndGet();
      }
    }

    Gen<Integer> small() {
      return Gen.ints(0, 50);
    }
  }

  @Test
  void hookFailure_failsTheTry_shrunkToTheSmallestLeakingValue() {
    BEFORE.set(0);
    Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Leaky.class)).execute().testEvents();

    assertThat(events.failed().count()).isEqualTo(1);
    String message = events.failed().stream().findFirst()
        .flatMap(e -> e.getPayload(TestExecutionResult.class))
        .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("");
    assertThat(message).contains("minimal counterexample:\n  n = 6\n").contains("the try left 1 open")
        .contains("-Dlifecycle.pbt.seed=");
    assertThat(BEFORE.get()).as("the hook ran before every try and shrink run").isGreaterThan(1);
  }
}
