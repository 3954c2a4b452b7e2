package dev.lifecycle.proptest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;

final class PropertyTestExtensionTest {
  /** What the sample classes saw, by test, across the engine runs of this test class. */
  static final Map<String, List<Object>> SEEN = new ConcurrentHashMap<>();

  static final class Passing {
    @PropertyTest(tries = 30, seed = "7")
    void byProvider(@ForAll("smallLists") List<Integer> list, TestInfo info) {
      SEEN.computeIfAbsent("byProvider", k -> new ArrayList<>()).add(list);
      assertThat(list).hasSizeLessThanOrEqualTo(3);
      assertThat(info.getDisplayName()).isEqualTo("property");
    }

    Gen<List<Integer>> smallLists() {
      return Gen.lists(Gen.ints(0, 9), 0, 3);
    }

    enum Mode {
      ON,
      OFF
    }

    @PropertyTest(tries = 20)
    void byType(@ForAll int i, @ForAll long l, @ForAll boolean b, @ForAll String s, @ForAll Mode m) {
      SEEN.computeIfAbsent("byType", k -> new ArrayList<>()).add(List.of(i, l, b, s, m));
    }
  }

  static final class Failing {
    @PropertyTest(seed = "3")
    void sumStaysSmall(@ForAll("numbers") List<Integer> numbers) {
      assertThat(numbers.stream().mapToInt(x -> x).sum()).isLessThan(100);
    }

    static Gen<List<Integer>> numbers() {
      return Gen.lists(Gen.ints(0, 60), 0, 10);
    }

    @PropertyTest
    void unknownProvider(@ForAll("missing") int x) {}

    @PropertyTest
    void noDefault(@ForAll Object x) {}
  }

  @Test
  void passingProperty_runsEveryTryAndPublishesStatistics() {
    EngineExecutionResults results = run(Passing.class);
    Events events = results.allEvents();

    results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    assertThat(SEEN.get("byProvider")).hasSize(30);
    assertThat(SEEN.get("byType")).hasSize(20);
    List<String> reports = new ArrayList<>();
    events.stream()
        .filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
        .map(e -> e.getPayload(ReportEntry.class).orElseThrow())
        .forEach(r -> reports.add(r.getKeyValuePairs().get("lifecycle.pbt.statistics")));
    assertThat(reports).contains("tries: 30", "tries: 20");
  }

  @Test
  void failingProperty_reportsShrunkCounterexampleAndSeed() {
    Events events = run(Failing.class).allEvents();

    Throwable sum = failure(events, "sumStaysSmall");
    assertThat(sum).isInstanceOf(PropertyFailure.class);
    assertThat(((PropertyFailure) sum).minimal()).isEqualTo("numbers = [40, 60]");
    assertThat(sum.getMessage())
        .contains("re-run exactly this case: -Dlifecycle.pbt.seed=");
    assertThat(failure(events, "unknownProvider"))
        .hasMessageContaining(
            "@ForAll(\"missing\") on parameter x of unknownProvider: no method missing() returning"
                + " a Gen in ");
    assertThat(failure(events, "noDefault"))
        .hasMessage(
            "parameter x of noDefault has type Object, which has no default generator; name a"
                + " method that returns its Gen: @ForAll(\"methodName\")");
  }

  private static EngineExecutionResults run(Class<?> type) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(type))
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
        .execute();
  }

  private static Throwable failure(Events events, String method) {
    Event finished =
        events.stream()
            .filter(e -> e.getType() == EventType.FINISHED)
            .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains(method))
            .filter(
                e ->
                    e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .isPresent())
            .findFirst()
            .orElseThrow();
    return finished.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

  @Test
  void nameOf_withoutParameterNames_namesTheGeneratorAndType() {
    assertThat(PropertyTestExtension.nameOf(true, "size", "sizes", int.class)).isEqualTo("size");
    assertThat(PropertyTestExtension.nameOf(false, "arg0", "sizes", int.class))
        .isEqualTo("arg0 (from \"sizes\", int)");
    assertThat(PropertyTestExtension.nameOf(false, "arg1", "", String.class))
        .isEqualTo("arg1 (String)");
  }
}
