package dev.lifecycle.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs the {@link Samples} through JUnit and checks what each one reports. */
@Isolated("the samples check process-wide FD counts and threads")
final class LeakCheckExtensionTest {
  static Events run(Class<?>... classes) {
    var request = EngineTestKit.engine("junit-jupiter");
    for (Class<?> c : classes) {
      request = request.selectors(selectClass(c));
    }
    return request.execute().testEvents();
  }

  static List<String> failures(Events events) {
    return events.failed().stream().map(LeakCheckExtensionTest::message).toList();
  }

  static String message(Event event) {
    Optional<Throwable> thrown =
        event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable);
    return thrown.map(Throwable::getMessage).orElse("");
  }

  @Test
  void resourceLeftOpen_failsNamingKindDescriptionAndTestLine() {
    Events events = run(Samples.LeavesOneOpen.class);

    assertThat(events.failed().count()).isEqualTo(1);
    assertThat(failures(events).get(0))
        .startsWith("leak check failed for LeavesOneOpen.leaves_oneOpen():")
        .contains("1 tracked resource(s) opened in the test still open 200 ms after it:")
        .contains("sample.Conn sample.Conn#", "db://orders", "opened on thread ")
        .contains("at dev.lifecycle.testing.Samples$LeavesOneOpen.leaves_oneOpen(Samples.java:");
  }

  @Test
  void droppedResource_failsAsGarbageCollectedWithoutClose() {
    Events events = run(Samples.DropsOne.class);

    assertThat(events.failed().count()).isEqualTo(1);
    assertThat(failures(events).get(0))
        .contains("1 tracked resource(s) opened in the test were garbage-collected without close():")
        .contains("db://dropped")
        .contains("at dev.lifecycle.testing.Samples$DropsOne.drops_one(Samples.java:")
        .doesNotContain("still open");
  }

  @Test
  void cleanTest_passes() {
    Events events = run(Samples.Clean.class, Samples.JoinsThread.class, Samples.ClosesFd.class);

    assertThat(failures(events)).isEmpty();
    assertThat(events.succeeded().count()).isEqualTo(3);
  }

  @Test
  void resourceOwnedByAnOpenScope_showsTheOwner() {
    Events events = run(Samples.OwnedByScope.class);

    assertThat(failures(events)).singleElement().asString()
        .contains("owner GET /orders")
        .contains("lifecycle.Scope")
        .contains("Samples$OwnedByScope.scope_leftOpen(Samples.java:");
  }

  @Test
  void threadLeftRunning_failsWithItsNameAndStack() {
    Events events = run(Samples.LeavesThread.class);

    assertThat(failures(events)).singleElement().asString()
        .contains("1 thread(s) started during the test still alive 300 ms after it:")
        .contains("\"sample-left-behind\" WAITING, daemon")
        .contains("at java.util.concurrent.CountDownLatch.await(")
        .contains("allowedThreads");
  }

  @Test
  void fileLeftOpen_failsWithTheDescriptorGrowth() {
    Events events = run(Samples.LeavesFd.class);

    assertThat(failures(events)).singleElement().asString()
        .contains("1 more open file descriptor(s) than before the test (")
        .contains("tolerance 0)")
        .doesNotContain("cannot tell whose");
  }

  @Test
  void methodAnnotation_replacesTheClassSettings() {
    Events events = run(Samples.MethodOverride.class);

    assertThat(failures(events)).isEmpty();
  }
}
