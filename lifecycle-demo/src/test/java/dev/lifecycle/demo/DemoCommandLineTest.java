package dev.lifecycle.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.testing.LeakChecked;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

// The FD count is process-wide and test classes run concurrently: DemoQuickTest's child JVMs, started at the same time, move it.
@LeakChecked(fileDescriptors = false)
final class DemoCommandLineTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      return Demo.execute(args, o, e);
    }
  }

  @Test
  void help_listsOptionsAndScenarios_exitsZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--quick", "--scenario", "--report", "--jdbc-url", "fd-leak", "accounting-drift",
            "registry-growth", "hang");
  }

  @Test
  void unknownOption_printsUsage_exitsTwo() {
    assertThat(run("--fast")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--fast'", "Usage: lifecycle-demo")
        .doesNotContain("\tat ");
  }

  @Test
  void unknownScenario_namesTheKnownOnes_exitsTwo() {
    assertThat(run("--scenario", "oom")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown scenario: oom (known: fd-leak, accounting-drift, registry-growth, hang)")
        .doesNotContain("\tat ");
  }

  @Test
  void jdbcUrl_notPostgres_isRejectedWithItsPasswordMasked() {
    assertThat(run("--jdbc-url", "jdbc:mysql://app:hunter2@db/x?password=hunter2")).isEqualTo(2);
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("--jdbc-url must be a PostgreSQL JDBC URL").doesNotContain("hunter2");
  }
}
