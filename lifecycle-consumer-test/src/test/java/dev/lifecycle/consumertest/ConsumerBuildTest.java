package dev.lifecycle.consumertest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs after the example builds (bound to {@code verify}, after the invoker): checks that they did
 * what the README promises, not merely that they ended as expected.
 */
final class ConsumerBuildTest {
  private static final Path CONSUMER = Path.of("target/it/consumer");
  private static final Path LEAK = Path.of("target/it/consumer-leak");
  private static final Path TESTS_LEAK = Path.of("target/it/consumer-tests-leak");
  private static final Pattern SUITE =
      Pattern.compile("tests=\"(\\d+)\" errors=\"(\\d+)\" skipped=\"(\\d+)\" failures=\"(\\d+)\"");

  @Test
  void leakingExample_failsToCompileWithUnclosedResource() {
    String log = Texts.read(LEAK.resolve("build.log"));
    assertThat(log)
        .contains("COMPILATION ERROR")
        .containsPattern("FirstLine\\.java:\\[14,.*\\[UnclosedResource\\]");
  }

  @Test
  void example_checksOffOnTestCode_testsWithADroppedReaderCompile() {
    assertThat(CONSUMER.resolve("target/test-classes/com/example/orders/test/Fixtures.class"))
        .exists();
  }

  @Test
  void exampleWithoutTheTestsProfile_checksRunOnTestCodeToo() {
    String log = Texts.read(TESTS_LEAK.resolve("build.log"));
    assertThat(log)
        .contains("COMPILATION ERROR")
        .contains("testCompile")
        .containsPattern("Fixtures\\.java:\\[17,.*\\[UnclosedResource\\]");
    assertThat(TESTS_LEAK.resolve("target/classes/com/example/orders/OrderExport.class")).exists();
  }

  @Test
  void example_isAModuleAndItsTestsRanOnTheBuildJdk() {
    assertThat(CONSUMER.resolve("target/classes/module-info.class")).exists();
    assertThat(CONSUMER.resolve("target/test-classes/module-info.class")).exists();
    assertSuiteRan(CONSUMER.resolve("target/surefire-reports"), 1);
  }

  @Test
  void example_testsRanOnJava17() {
    String jvm = System.getProperty("lifecycle.test17.jvm", "");
    assumeTrue(
        !jvm.isEmpty(),
        "no Java 17 runtime was given, so the example's tests ran on the build JDK only: pass"
            + " -Dlifecycle.test17.jvm=<a JDK 17>/bin/java (.ci/run does when it finds one)");
    assertThat(Path.of(jvm)).exists();
    assertSuiteRan(CONSUMER.resolve("target/surefire-reports-java17"), 0);
  }

  /** The example's leak-checked test class ran its four tests, none failed, at most {@code skipped} skipped. */
  private static void assertSuiteRan(Path reports, int skipped) {
    Path report = reports.resolve("TEST-com.example.orders.test.OrderExportTest.xml");
    assertThat(report).exists();
    Matcher counts = SUITE.matcher(Texts.read(report));
    assertThat(counts.find()).as("counts in %s", report).isTrue();
    assertThat(counts.group(1)).as("tests").isEqualTo("4");
    assertThat(counts.group(2) + counts.group(4)).as("errors, failures").isEqualTo("00");
    assertThat(Integer.parseInt(counts.group(3))).as("skipped").isLessThanOrEqualTo(skipped);
  }
}
