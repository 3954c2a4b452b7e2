package dev.lifecycle.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.lifecycle.testing.LeakChecked;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The demo's own test: runs {@code --quick} once, in process (each run in its child JVM, as a user's
 * run is), and checks from the measured figures that every unprotected run shows its outage and
 * every protected run stays flat. Margins are wide and nothing is timed: the machine may be loaded.
 */
// The FD count is process-wide and test classes run concurrently: the child JVMs it starts in @BeforeAll, and other test classes, move it.
// Isolated: its child JVMs and the threads that read their output would otherwise run beside the
// other demo tests, whose leak checks would see them.
@Isolated
@LeakChecked(fileDescriptors = false)
final class DemoQuickTest {
  @TempDir static Path reportDir;
  private static List<ScenarioResult> results = List.of();
  private static String output = "";
  private static int exitCode = -1;

  @BeforeAll
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  static void runQuick() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Demo demo = new Demo();
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      exitCode = Demo.commandLine(demo, print, print).execute("--quick", "--report", reportDir.toString());
    }
    output = out.toString(StandardCharsets.UTF_8);
    results = demo.results();
  }

  private static ScenarioResult result(String name) {
    ScenarioResult r = results.stream().filter(x -> x.scenario().name().equals(name)).findFirst().orElseThrow();
    assumeThat(r.unprotected().skipped()).as("unprotected run of " + name + " (cannot run here?)").isNull();
    assumeThat(r.protectedRun().skipped()).as("protected run of " + name + " (cannot run here?)").isNull();
    return r;
  }

  @Test
  void quick_everyScenario_runsAndPrintsItsTable() {
    assertThat(exitCode).as(output).isZero();
    System.out.println(output); // the run's tables, in the test's report
    assertThat(results).extracting(r -> r.scenario().name())
        .containsExactly("fd-leak", "accounting-drift", "registry-growth", "hang");
    assertThat(output).contains("fd-leak: ", "accounting-drift: ", "registry-growth: ", "hang: ",
        "unprotected (as written)", "protected (with lifecycle)", "report: file:");
  }

  @Test
  void fdLeak_unprotectedHitsTheLimit_protectedStaysFlat_trendAlarmFiresAWeekAhead() {
    ScenarioResult r = result("fd-leak");
    RunRecord u = r.unprotected();
    RunRecord p = r.protectedRun();
    double limit = ChatScenario.FD_LIMIT;
    assertThat(u.series("fds").max()).as("unprotected peak FDs").isGreaterThanOrEqualTo(0.9 * limit);
    assertThat(u.numberOr("outageDay", -1)).as("unprotected stopped answering").isGreaterThan(0);
    assertThat(p.series("fds").max()).as("protected peak FDs").isLessThan(0.5 * limit);
    double alarmDay = u.numberOr("alarmDay", -1);
    assertThat(alarmDay).as("trend alarm on the unprotected run's peaks").isGreaterThan(0);
    assertThat(u.numberOr("outageDay", -1) - alarmDay).as("days between the alarm and the outage").isGreaterThan(7);
    assertThat(p.number("alarmDay")).as("no trend alarm on the protected run").isEmpty();
  }

  @Test
  void accountingDrift_counterDrifts_permitsKeepEveryDestinationDraining() {
    ScenarioResult r = result("accounting-drift");
    RunRecord u = r.unprotected();
    RunRecord p = r.protectedRun();
    assertThat(u.numberOr("believedBig", -1)).as("connections the counter believes").isEqualTo(MailSender.PER_DESTINATION_LIMIT);
    assertThat(u.numberOr("connectionsBig", -1)).as("connections really open").isZero();
    assertThat(u.numberOr("queuedBig", 0)).as("unprotected queue vs protected")
        .isGreaterThan(5 * (p.numberOr("queuedBig", 0) + 20));
    assertThat(p.numberOr("sentBig", 0)).as("protected deliveries to the big provider")
        .isGreaterThan(3 * u.numberOr("sentBig", 0));
    assertThat(p.numberOr("auditClean", 0)).as(String.valueOf(p.text("audit"))).isEqualTo(1);
  }

  @Test
  void registryGrowth_managerNeverForgets_registryStaysWithinCapacity() {
    ScenarioResult r = result("registry-growth");
    RunRecord u = r.unprotected();
    RunRecord p = r.protectedRun();
    assertThat(u.numberOr("rpcs", 0)).as("RPCs of the unprotected run").isGreaterThan(3 * RegistryConnectionManager.CAPACITY);
    assertThat(u.numberOr("entries", 0)).as("one entry per RPC, never deleted").isEqualTo(u.numberOr("rpcs", -1));
    assertThat(u.numberOr("connections", 0)).as("open connections").isGreaterThanOrEqualTo(u.numberOr("rpcs", -1));
    assertThat(p.numberOr("rpcs", 0)).isPositive();
    assertThat(p.series("entries").max()).isLessThanOrEqualTo(RegistryConnectionManager.CAPACITY);
    assertThat(p.series("connections").max()).as("protected open connections, peak")
        .isLessThanOrEqualTo(2.0 * RegistryConnectionManager.CAPACITY);
  }

  @Test
  void hang_unprotectedGoesSilent_protectedKeepsAnsweringAndReportsTheStall() {
    ScenarioResult r = result("hang");
    RunRecord u = r.unprotected();
    RunRecord p = r.protectedRun();
    assertThat(u.series("fds").max()).as("unprotected peak FDs").isGreaterThanOrEqualTo(CacheScenario.FD_LIMIT - 10);
    assertThat(u.numberOr("probesFailed", 0)).as("unprotected probes without an answer").isPositive();
    assertThat(p.series("fds").max()).as("protected peak FDs").isLessThan(CacheScenario.FD_LIMIT);
    assertThat(p.numberOr("stalls", 0)).as("stalls the watchdog reported").isPositive();
    assertThat(p.events()).anySatisfy(e -> assertThat(e.text()).contains("CacheProtocol.fetch"));
    assertThat(p.numberOr("lastAnswerSeconds", -1)).as("protected answered PING later than unprotected")
        .isGreaterThan(u.numberOr("lastAnswerSeconds", -1));
  }

  @Test
  void report_everyChart_isPresentWithDataForBothRuns() throws IOException {
    Path file = reportDir.resolve(HtmlReport.FILE);
    String html = Files.readString(file);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<script type=\"application/json\" id=\"demo-data\">")
        .doesNotContain("src=\"http", "href=\"http"); // self-contained: nothing to fetch
    assertThat(html).contains("Chart.js v4.4.1"); // inlined, not linked
    for (ScenarioResult r : results) {
      if (r.skipped()) {
        assertThat(html).contains("Skipped here: ");
        continue;
      }
      for (Scenario.Chart chart : r.scenario().charts()) {
        Matcher m = Pattern.compile("\\{\"id\":\"(chart-\\d+)\",\"scenario\":\"" + Pattern.quote(r.scenario().name())
            + "\",\"series\":\"" + Pattern.quote(chart.series()) + "\",[^\\n]*?\"unprotected\":\\[(\\[[^\\]]*\\])"
            + "[^\\n]*?\"protected\":\\[(\\[[^\\]]*\\])").matcher(html);
        assertThat(m.find()).as(r.scenario().name() + " chart " + chart.series()).isTrue();
        assertThat(html).contains("<canvas id=\"" + m.group(1) + "\"");
      }
    }
  }

  @Test
  void report_charts_markTheAlarmTheLimitAndTheStall() throws IOException {
    String html = Files.readString(reportDir.resolve(HtmlReport.FILE));
    assertThat(html).contains("afterDatasetsDraw", "moments: {markers: c.markers}");
    ScenarioResult chat = result("fd-leak");
    assertThat(chat.scenario().markers(chat.unprotected(), chat.protectedRun()))
        .extracting(m -> m.variant() + " " + m.label())
        .contains("UNPROTECTED trend alarm", "UNPROTECTED FD limit hit (EMFILE)")
        .noneMatch(label -> label.startsWith("PROTECTED"));
    ScenarioResult hang = result("hang");
    assertThat(hang.scenario().markers(hang.unprotected(), hang.protectedRun()))
        .extracting(m -> m.variant() + " " + m.label())
        .contains("UNPROTECTED FD limit hit (EMFILE)", "PROTECTED stall reported");
    for (String name : List.of("fd-leak", "hang")) {
      Matcher m = Pattern.compile("\\{\"id\":\"chart-\\d+\",\"scenario\":\"" + name
          + "\",[^\\n]*?\"markers\":\\[\\{\"x\":[0-9.]+,\"label\":\"[^\"]+\",\"run\":\"[up]\"\\}").matcher(html);
      assertThat(m.find()).as(name + " charts carry their markers").isTrue();
    }
  }
}
