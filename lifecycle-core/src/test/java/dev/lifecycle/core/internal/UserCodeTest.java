package dev.lifecycle.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class UserCodeTest {
  /** An object whose toString() is whatever the test needs. */
  private static final class Text {
    private final @Nullable RuntimeException failure;
    private final @Nullable String text;

    Text(@Nullable String text, @Nullable RuntimeException failure) {
      this.text = text;
      this.failure = failure;
    }

    @Override
    public String toString() {
      if (failure != null) {
        throw failure;
      }
      return text;
    }
  }

  @Test
  void fanOut_listenerThrowsError_nextListenerStillGetsTheEvent() {
    List<String> received = new ArrayList<>();
    List<Runnable> listeners =
        List.of(
            () -> {
              throw new StackOverflowError("recursed");
            },
            () -> received.add("second"),
            () -> {
              throw new AssertionError("broken");
            },
            () -> received.add("fourth"));
    UserCode.fanOut(listeners, "an event", Runnable::run);
    assertThat(received).containsExactly("second", "fourth");
  }

  @Test
  void run_throwingAnything_returnsItAndRunningNormally_returnsNull() {
    AssertionError error = new AssertionError("close failed hard");
    assertThat(UserCode.run(() -> {
      throw error;
    })).isSameAs(error);
    assertThat(UserCode.run(() -> {})).isNull();
  }

  @Test
  void close_interruptedException_isReturnedAndRestoresTheInterruptFlag() {
    InterruptedException interrupted = new InterruptedException("stop");
    try {
      assertThat(UserCode.close(() -> {
        throw interrupted;
      })).isSameAs(interrupted);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void runLogged_failure_returnsFalse() {
    assertThat(UserCode.runLogged("a callback", () -> {
      throw new IllegalStateException("no");
    })).isFalse();
    assertThat(UserCode.runLogged("a callback", () -> {})).isTrue();
  }

  @Test
  void describe_masksAndSurvivesThrowingOrNullToString() {
    assertThat(UserCode.describe(null)).isEqualTo("null");
    assertThat(UserCode.describe(new Text("GET /reset?token=abc123secret", null)))
        .isEqualTo("GET /reset?token=***");
    Text throwing = new Text("unused", new IllegalStateException("toString broke"));
    assertThat(UserCode.describe(throwing))
        .isEqualTo(Text.class.getName() + "@" + Integer.toHexString(System.identityHashCode(throwing)));
    Text nullText = new Text(null, null);
    assertThat(UserCode.describe(nullText)).isEqualTo(UserCode.identity(nullText));
  }

  @Test
  void describeFailure_masksTheMessageAndSurvivesAThrowingGetMessage() {
    // In free text a secret value runs to the next key=value or the end of the line (Masking).
    assertThat(UserCode.describeFailure(new IllegalStateException("rejected: password=hunter2")))
        .isEqualTo("java.lang.IllegalStateException: rejected: password=***");
    assertThat(UserCode.describeFailure(new AssertionError())).isEqualTo("java.lang.AssertionError");
    RuntimeException broken =
        new RuntimeException() {
          private static final long serialVersionUID = 1L;

          @Override
          public String getMessage() {
            throw new IllegalStateException("getMessage broke");
          }
        };
    assertThat(UserCode.describeFailure(broken)).isEqualTo(broken.getClass().getName());
  }

  @Test
  void failed_neverThrows() {
    UserCode.failed("something failed", new OutOfMemoryError("simulated"));
  }
}
