package dev.lifecycle.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.testing.LeakChecked;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@code --jdbc-url} against a real PostgreSQL server, started here: registry-growth's tenants are
 * data sources on it, and the password in the URL appears in no output (the command line's, the
 * table, the report, a run's texts and events).
 */
// Isolated: the child JVMs and the server's processes would otherwise run beside the other demo tests' leak checks.
@Isolated
@LeakChecked(fileDescriptors = false)
final class DemoPostgresTest {
  private static final String PASSWORD = "s3cret-Demo-pw";

  @TempDir static Path reportDir;
  private static EmbeddedPostgres server;
  private static List<ScenarioResult> results = List.of();
  private static String output = "";
  private static int exitCode = -1;

  @BeforeAll
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  static void runAgainstPostgres() throws Exception {
    server = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE ROLE demo LOGIN PASSWORD '" + PASSWORD + "'");
    }
    String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres?user=demo&password=" + PASSWORD;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Demo demo = new Demo();
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      exitCode = Demo.commandLine(demo, print, print)
          .execute("--quick", "--scenario", "registry-growth", "--jdbc-url", url, "--report", reportDir.toString());
    }
    output = out.toString(StandardCharsets.UTF_8);
    results = demo.results();
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private static ScenarioResult registryGrowth() {
    assertThat(exitCode).as(output).isZero();
    assertThat(results).hasSize(1);
    ScenarioResult r = results.get(0);
    assertThat(r.unprotected().skipped()).as("unprotected run").isNull();
    assertThat(r.protectedRun().skipped()).as("protected run").isNull();
    return r;
  }

  @Test
  void registryGrowth_onPostgres_managerNeverForgetsUntilTheCap_registryStaysWithinCapacity() {
    ScenarioResult r = registryGrowth();
    RunRecord u = r.unprotected();
    RunRecord p = r.protectedRun();
    assertThat(u.text("database")).startsWith("PostgreSQL jdbc:postgresql://localhost:");
    assertThat(p.text("database")).startsWith("PostgreSQL jdbc:postgresql://localhost:");
    assertThat(u.numberOr("connections", 0)).as("unprotected open connections at the end")
        .isGreaterThanOrEqualTo(ConnectionManagerRun.POSTGRES_CONNECTION_CAP);
    assertThat(u.numberOr("entries", 0)).as("one entry per RPC, never deleted").isEqualTo(u.numberOr("rpcs", -1));
    assertThat(u.text("stopped")).as("the unprotected run stops at the cap").contains("to spare the server");
    assertThat(p.numberOr("rpcs", 0)).as("protected RPCs: past where the unprotected run had to stop")
        .isGreaterThan(ConnectionManagerRun.POSTGRES_CONNECTION_CAP);
    assertThat(p.numberOr("failures", -1)).as("protected RPCs that failed").isZero();
    assertThat(p.series("entries").max()).isLessThanOrEqualTo(RegistryConnectionManager.CAPACITY);
    assertThat(p.series("connections").max()).as("protected open connections, peak")
        .isLessThanOrEqualTo(2.0 * RegistryConnectionManager.CAPACITY);
    assertThat(p.numberOr("closedSources", 0)).as("sources evicted and closed").isPositive();
  }

  @Test
  void jdbcUrl_password_isMaskedInEveryOutput() throws IOException {
    ScenarioResult r = registryGrowth();
    assertThat(output).contains("registry-growth on jdbc:postgresql://localhost:", "password=***")
        .doesNotContain(PASSWORD);
    assertThat(Files.readString(reportDir.resolve(HtmlReport.FILE))).contains("password=***").doesNotContain(PASSWORD);
    for (RunRecord run : List.of(r.unprotected(), r.protectedRun())) {
      assertThat(run.events()).allSatisfy(e -> assertThat(e.text()).doesNotContain(PASSWORD));
      assertThat(List.of(String.valueOf(run.text("database")), String.valueOf(run.text("stopped"))))
          .allSatisfy(t -> assertThat(t).doesNotContain(PASSWORD));
    }
  }
}
