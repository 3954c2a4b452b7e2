package dev.lifecycle.demo;

import dev.lifecycle.core.Masking;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The demo's command line: {@code java -jar lifecycle-demo.jar [--quick] [--scenario NAME]...}. */
@Command(
    name = "lifecycle-demo",
    mixinStandardHelpOptions = true,
    version = "lifecycle-demo 0.1.0-SNAPSHOT",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Replays the four outages lifecycle was designed from, on this machine: real sockets on 127.0.0.1 and a real"
          + " database (H2, or your PostgreSQL), each outage's code once as it was written and once with lifecycle,"
          + " side by side. Prints a table per scenario and writes a self-contained HTML report with charts.",
      "",
      "Scenarios: fd-leak (chat site), accounting-drift (mail sender), registry-growth (ORM connection manager),"
          + " hang (binary cache)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every scenario ran (or said why it cannot run here)", "1:a scenario failed",
        "2:bad arguments"})
public final class Demo implements Callable<Integer> {
  @Spec private @Nullable CommandSpec spec;

  @Option(names = "--quick", description = "Shorter runs: every scenario in well under a minute (the CI test).")
  private boolean quick;

  @Option(names = "--scenario", paramLabel = "NAME", split = ",",
      description = "Run only these scenarios (repeat or comma-separate): ${COMPLETION-CANDIDATES}.",
      completionCandidates = ScenarioNames.class)
  private List<String> scenarios = new ArrayList<>();

  @Option(names = "--report", paramLabel = "DIR", description = "Where to write " + HtmlReport.FILE
      + " (default: ${DEFAULT-VALUE}).", defaultValue = "target/lifecycle-demo")
  private Path report = Path.of("target/lifecycle-demo");

  @Option(names = "--jdbc-url", paramLabel = "URL", description = "Run registry-growth against this PostgreSQL"
      + " (jdbc:postgresql://host/db?user=...&password=...) instead of H2; credentials are masked in all output.")
  private @Nullable String jdbcUrl;

  private List<ScenarioResult> results = List.of();

  /** Runs the demo and exits with its code. */
  public static void main(String[] args) {
    System.exit(execute(args, System.out, System.err));
  }

  static int execute(String[] args, PrintStream out, PrintStream err) {
    return commandLine(new Demo(), out, err).execute(args);
  }

  static CommandLine commandLine(Demo demo, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(demo);
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("lifecycle-demo: " + Masking.mask(String.valueOf(e.getMessage() != null ? e.getMessage() : e)));
      return 1;
    });
    return cli;
  }

  /** The results of the latest run. */
  List<ScenarioResult> results() {
    return results;
  }

  @Override
  // Release 17: Console.isTerminal() (Java 22+) is not there; a \r progress line into a pipe is harmless.
  @SuppressWarnings("SystemConsoleNull")
  public Integer call() throws Exception {
    CommandSpec s = spec;
    if (s == null) {
      throw new IllegalStateException("no command spec");
    }
    List<Scenario> selected = select(s);
    String url = jdbcUrl;
    if (url != null && !url.startsWith("jdbc:postgresql:")) {
      throw new ParameterException(s.commandLine(),
          "--jdbc-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host/db?user=...), got " + Masking.mask(url));
    }
    PrintWriter out = s.commandLine().getOut();
    DemoOptions options = new DemoOptions(quick, url);
    out.println("lifecycle-demo: " + selected.size() + " outage replays" + (quick ? " (--quick)" : "")
        + ", each unprotected and protected side by side"
        + (url != null ? "; registry-growth on " + Masking.mask(url) : ""));
    out.flush();
    PrintStream progress = new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8);
    results = new DemoRunner(options, progress, System.console() != null).run(selected);
    out.print(TextTable.render(results));
    Path file = HtmlReport.write(report, results, options);
    out.println();
    out.println("report: " + file.toAbsolutePath().normalize().toUri());
    out.flush();
    boolean failed = results.stream().anyMatch(r -> failed(r.unprotected()) || failed(r.protectedRun()));
    return failed ? 1 : 0;
  }

  private static boolean failed(RunRecord record) {
    String why = record.skipped();
    return why != null && why.startsWith("failed");
  }

  private List<Scenario> select(CommandSpec s) {
    if (scenarios.isEmpty()) {
      return Scenarios.all();
    }
    Set<String> wanted = new LinkedHashSet<>(scenarios);
    List<Scenario> selected = new ArrayList<>();
    for (String name : wanted) {
      Scenario found = Scenarios.all().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
      if (found == null) {
        throw new ParameterException(s.commandLine(),
            "unknown scenario: " + Masking.mask(name) + " (known: " + String.join(", ", Scenarios.names()) + ")");
      }
      selected.add(found);
    }
    return selected;
  }

  /** The scenario names, for --help and completion. */
  static final class ScenarioNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Scenarios.names().iterator();
    }
  }

  /** Bytes to the command line's writer, so progress and table go to one place. */
  private static final class WriterStream extends java.io.OutputStream {
    private final PrintWriter writer;

    WriterStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      writer.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      writer.write(new String(b, off, len, StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
      writer.flush();
    }
  }
}
