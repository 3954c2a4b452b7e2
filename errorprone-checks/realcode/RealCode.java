import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.BugCheckerInfo;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.BuiltInCheckerSuppliers;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * Compiles one real project's main sources in this JVM with Error Prone, for {@code realcode.sh}.
 *
 * <pre>
 * RealCode findings SRC_DIR RELEASE CLASSPATH OUT_TSV ROOT...   the lifecycle checks only
 * RealCode time RUNS SRC_DIR RELEASE CLASSPATH ROOT...          Error Prone defaults vs + lifecycle
 * RealCode report TRIAGE_TSV FINDINGS_DIR PROJECT...          findings joined with their triage
 * </pre>
 *
 * Findings are written one a line: {@code path TAB line TAB check TAB message}, the path relative
 * to SRC_DIR. An analysis failure is a finding of check {@code CRASH}.
 */
final class RealCode {
  static final List<String> CHECKS =
      List.of(
          "UnclosedResource",
          "DiscardedResource",
          "OwningFieldNotClosed",
          "ScopeNotInTryWithResources",
          "UseAfterTransfer");
  static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    if (args[0].equals("findings")) {
      findings(Path.of(args[1]), args[2], args[3], Path.of(args[4]), roots(args, 5));
    } else if (args[0].equals("report")) {
      report(Path.of(args[1]), Path.of(args[2]), roots(args, 3));
    } else if (args[0].equals("time")) {
      time(Integer.parseInt(args[1]), Path.of(args[2]), args[3], args[4], roots(args, 5));
    } else {
      throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  static List<String> roots(String[] args, int from) {
    return List.of(args).subList(from, args.length);
  }

  static List<Class<? extends BugChecker>> lifecycleChecks() throws ClassNotFoundException {
    List<Class<? extends BugChecker>> checks = new ArrayList<>();
    for (String name : CHECKS) {
      checks.add(Class.forName("dev.lifecycle.errorprone." + name).asSubclass(BugChecker.class));
    }
    return checks;
  }

  static void findings(Path src, String release, String classpath, Path out, List<String> roots)
      throws Exception {
    List<Path> sources = javaFiles(src, roots);
    JavaCompiler compiler =
        new BaseErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(lifecycleChecks()));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    long start = System.nanoTime();
    compile(compiler, sources, release, classpath, diagnostics);
    long millis = (System.nanoTime() - start) / 1_000_000;
    List<String> lines = new ArrayList<>();
    int errors = 0;
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      String check = message.startsWith("[") ? message.substring(1, message.indexOf(']')) : "";
      boolean crash =
          message.contains("An unhandled exception was thrown")
              || message.contains("the resource analysis failed");
      if (!crash && !CHECKS.contains(check)) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          errors++;
          System.err.println("javac error: " + d);
        }
        continue;
      }
      String path =
          d.getSource() == null ? "?" : src.relativize(Path.of(d.getSource().toUri())).toString();
      String first = message.lines().findFirst().orElse("");
      lines.add(
          String.join(
              "\t",
              path,
              Long.toString(d.getLineNumber()),
              crash ? "CRASH" : check,
              first.substring(first.indexOf(']') + 1).trim().replace('\t', ' ')));
    }
    Files.write(out, lines, StandardCharsets.UTF_8);
    System.out.printf(
        Locale.ROOT,
        "%s: %d files, %d findings, %d javac errors, %d ms%n",
        src.getFileName(), sources.size(), lines.size(), errors, millis);
    if (errors > 0) {
      throw new IllegalStateException("the project does not compile: fix its classpath or release");
    }
  }

  /**
   * Joins each project's findings with the triage table (key: project, path, line, check) and
   * prints the counts per project, every finding with no triage, and every triaged finding that is
   * no longer reported.
   */
  static void report(Path triageFile, Path findingsDir, List<String> projects) throws IOException {
    Map<String, String[]> triage = new LinkedHashMap<>();
    for (String line : Files.readAllLines(triageFile, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      triage.put(String.join("\t", f[0], f[1], f[2], f[3]), f);
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> untriaged = new ArrayList<>();
    System.out.println("| project | findings | real leak | defensible | false alarm | not triaged | real or defensible |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    int[] total = new int[5];
    for (String project : projects) {
      int[] n = new int[5];
      for (String line : Files.readAllLines(findingsDir.resolve(project + ".tsv"), StandardCharsets.UTF_8)) {
        String[] f = line.split("\t", -1);
        String key = String.join("\t", project, f[0], f[1], f[2]);
        seen.add(key);
        n[0]++;
        String[] t = triage.get(key);
        String verdict = t == null ? "" : t[4];
        switch (verdict) {
          case "real" -> n[1]++;
          case "defensible" -> n[2]++;
          case "false" -> n[3]++;
          default -> {
            n[4]++;
            untriaged.add(project + "\t" + line);
          }
        }
      }
      for (int i = 0; i < 5; i++) {
        total[i] += n[i];
      }
      System.out.println(row(project, n));
    }
    System.out.println(row("**all**", total));
    if (!untriaged.isEmpty()) {
      System.out.println();
      System.out.println("Not triaged yet:");
      untriaged.forEach(u -> System.out.println("  " + u));
    }
    List<String> gone = new ArrayList<>();
    triage.forEach(
        (key, t) -> {
          if (projects.contains(t[0]) && !seen.contains(key)) {
            gone.add(String.join(" ", t[0], t[1] + ":" + t[2], t[3], t[4]));
          }
        });
    if (!gone.isEmpty()) {
      System.out.println();
      System.out.println("Triaged but no longer reported:");
      gone.forEach(g -> System.out.println("  " + g));
    }
  }

  static String row(String name, int[] n) {
    int judged = n[1] + n[2] + n[3];
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %d | %d | %d | %s |",
        name, n[0], n[1], n[2], n[3], n[4],
        judged == 0 ? "-" : String.format(Locale.ROOT, "%.0f %%", 100.0 * (n[1] + n[2]) / judged));
  }

  static void time(int runs, Path src, String release, String classpath, List<String> roots)
      throws Exception {
    List<Path> sources = javaFiles(src, roots);
    Set<BugCheckerInfo> enabled = new LinkedHashSet<>(BuiltInCheckerSuppliers.ENABLED_ERRORS);
    enabled.addAll(BuiltInCheckerSuppliers.ENABLED_WARNINGS);
    Set<BugCheckerInfo> withLifecycle = new LinkedHashSet<>(enabled);
    for (Class<? extends BugChecker> check : lifecycleChecks()) {
      withLifecycle.add(BugCheckerInfo.create(check));
    }
    Map<String, JavaCompiler> compilers = new LinkedHashMap<>();
    compilers.put("defaults", new BaseErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerInfos(enabled)));
    compilers.put(
        "lifecycle", new BaseErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerInfos(withLifecycle)));
    Map<String, List<Long>> times = new LinkedHashMap<>();
    compilers.keySet().forEach(k -> times.put(k, new ArrayList<>()));
    for (int round = 0; round < runs + 1; round++) {
      List<Map.Entry<String, JavaCompiler>> order = new ArrayList<>(compilers.entrySet());
      Collections.rotate(order, round);
      for (Map.Entry<String, JavaCompiler> c : order) {
        long startCpu = THREAD.getCurrentThreadCpuTime();
        compile(c.getValue(), sources, release, classpath, new DiagnosticCollector<>());
        long nanos = THREAD.getCurrentThreadCpuTime() - startCpu;
        if (round >= 1) {
          times.get(c.getKey()).add(nanos);
        }
      }
    }
    double defaults = median(times.get("defaults")) / 1e6;
    double lifecycle = median(times.get("lifecycle")) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %.0f | %.0f | %+.1f %% |%n",
        src.getFileName(), sources.size(), defaults, lifecycle, (lifecycle / defaults - 1) * 100);
  }

  static void compile(
      JavaCompiler compiler,
      List<Path> sources,
      String release,
      String classpath,
      DiagnosticCollector<JavaFileObject> diagnostics)
      throws IOException {
    Path out = Files.createTempDirectory("realcode");
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "-d", out.toString(),
              "-proc:none",
              "-nowarn",
              "-Xlint:none",
              "--release", release,
              "-encoding", "UTF-8",
              "-XDcompilePolicy=simple",
              "--should-stop=ifError=FLOW",
              "-Xmaxerrs", "100000",
              "-Xmaxwarns", "100000",
              "-classpath", classpath);
      compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
    } finally {
      try (Stream<Path> paths = Files.walk(out)) {
        for (Path p : paths.sorted(Collections.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  static List<Path> javaFiles(Path src, List<String> roots) {
    List<Path> all = new ArrayList<>();
    for (String root : roots) {
      try (Stream<Path> files = Files.walk(src.resolve(root))) {
        files
            .filter(f -> f.toString().endsWith(".java"))
            .filter(f -> !f.getFileName().toString().equals("module-info.java"))
            .filter(f -> !f.getFileName().toString().equals("package-info.java"))
            .sorted()
            .forEach(all::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + src.resolve(root), e);
      }
    }
    return all;
  }

  static double median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private RealCode() {}
}
