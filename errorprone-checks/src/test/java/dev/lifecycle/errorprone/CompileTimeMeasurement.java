package dev.lifecycle.errorprone;

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
import javax.tools.ToolProvider;

/**
 * Measures what the lifecycle checks add to compile time: javac alone, javac with Error Prone's
 * default checks, and with the defaults plus the five lifecycle checks, interleaved in one JVM,
 * median CPU time of the compiling thread over several runs after a warm-up. Not a test (nothing here may assert on time); run it
 * with {@code errorprone-checks/measure-compile-time.sh}.
 */
final class CompileTimeMeasurement {
  /**
   * javac compiles on the calling thread, so its CPU time is what the checks cost, and far less
   * disturbed than wall time by other processes on a shared machine.
   */
  private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

  private CompileTimeMeasurement() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    Map<String, List<Path>> sourceSets = new LinkedHashMap<>();
    sourceSets.put("lifecycle-core main", javaFiles(Path.of("../lifecycle-core/src/main/java")));
    sourceSets.put("errorprone-checks main (code with few resources)", javaFiles(Path.of("src/main/java")));
    List<Path> corpus = new ArrayList<>(Corpus.stubs());
    corpus.addAll(javaFiles(Corpus.ROOT.resolve("cases")));
    sourceSets.put("corpus (every method opens a resource)", corpus);

    // Both sets are built the same way, so only the five checks differ between them.
    Set<BugCheckerInfo> enabled = new LinkedHashSet<>(BuiltInCheckerSuppliers.ENABLED_ERRORS);
    enabled.addAll(BuiltInCheckerSuppliers.ENABLED_WARNINGS);
    ScannerSupplier defaults = ScannerSupplier.fromBugCheckerInfos(enabled);
    Set<BugCheckerInfo> lifecycle = new LinkedHashSet<>(enabled);
    for (Class<? extends BugChecker> check :
        List.of(
            UnclosedResource.class,
            DiscardedResource.class,
            OwningFieldNotClosed.class,
            ScopeNotInTryWithResources.class,
            UseAfterTransfer.class)) {
      lifecycle.add(BugCheckerInfo.create(check));
    }
    Map<String, JavaCompiler> compilers = new LinkedHashMap<>();
    compilers.put("javac", ToolProvider.getSystemJavaCompiler());
    compilers.put("Error Prone defaults", new BaseErrorProneJavaCompiler(defaults));
    compilers.put("defaults + lifecycle", new BaseErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerInfos(lifecycle)));

    System.out.printf(
        Locale.ROOT, "JDK %s, %d runs each after 2 warm-up rounds, interleaved in rotating order%n%n",
        Runtime.version(), runs);
    System.out.println(
        "| sources | files | javac CPU ms | Error Prone CPU ms | + lifecycle CPU ms | lifecycle cost |");
    System.out.println("|---|---|---|---|---|---|");
    for (Map.Entry<String, List<Path>> set : sourceSets.entrySet()) {
      Map<String, List<Long>> times = new LinkedHashMap<>();
      compilers.keySet().forEach(name -> times.put(name, new ArrayList<>()));
      for (int round = 0; round < runs + 2; round++) {
        List<Map.Entry<String, JavaCompiler>> order = new ArrayList<>(compilers.entrySet());
        java.util.Collections.rotate(order, round); // no configuration always runs first or last
        for (Map.Entry<String, JavaCompiler> compiler : order) {
          long nanos = compile(compiler.getValue(), set.getValue());
          if (round >= 2) {
            times.get(compiler.getKey()).add(nanos);
          }
        }
      }
      double javac = median(times.get("javac"));
      double errorProne = median(times.get("Error Prone defaults"));
      double withLifecycle = median(times.get("defaults + lifecycle"));
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %.0f | %.0f | %.0f | %+.1f %% |%n",
          set.getKey(),
          set.getValue().size(),
          javac / 1e6,
          errorProne / 1e6,
          withLifecycle / 1e6,
          (withLifecycle / errorProne - 1) * 100);
    }
  }

  private static long compile(JavaCompiler compiler, List<Path> sources) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out;
    try {
      out = Files.createTempDirectory("compile-time");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary output directory", e);
    }
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "-d", out.toString(),
              "-proc:none",
              "-XDcompilePolicy=simple",
              "--should-stop=ifError=FLOW",
              "--add-exports=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED",
              "--add-exports=jdk.compiler/com.sun.tools.javac.processing=ALL-UNNAMED",
              "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
              "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
              "-classpath", System.getProperty("java.class.path"));
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      long start = THREAD.getCurrentThreadCpuTime();
      compiler.getTask(null, files, diagnostics, options, null, units).call();
      long nanos = THREAD.getCurrentThreadCpuTime() - start;
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR && !d.getMessage(Locale.ROOT).startsWith("[")) {
          throw new IllegalStateException("does not compile, so it measures nothing: " + d);
        }
      }
      return nanos;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the file manager", e);
    } finally {
      Corpus.deleteTree(out);
    }
  }

  private static List<Path> javaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.getFileName().toString().equals("module-info.java"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root.toAbsolutePath(), e);
    }
  }

  private static double median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}
