package dev.lifecycle.errorprone;

import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * The labelled corpus under {@code src/test/resources/corpus}: small cases, each a class in {@code
 * cases/}. A leaky case marks the line where its leak must be reported with {@code // LEAK}; a
 * correct case has no marker. All cases are compiled in one javac run per set of checks.
 */
final class Corpus {
  static final Path ROOT = Path.of("src/test/resources/corpus");

  /**
   * One case: its file and the lines a tool must report (none for correct code). A case named
   * {@code L..Mined..}/{@code C..Mined..} is the method before/after a leak fix merged in an
   * open-source project (named in the case's second line), rewritten as a minimal case.
   */
  record Case(String name, Path file, Set<Long> leakLines) {
    boolean leaky() {
      return !leakLines.isEmpty();
    }

    boolean mined() {
      return name.contains("Mined");
    }
  }

  /** How one set of checks did on the corpus. */
  record Score(String tool, int truePositives, int falsePositives, int leaky, List<String> missed,
      List<String> falseAlarms) {
    double precision() {
      int flagged = truePositives + falsePositives;
      return flagged == 0 ? Double.NaN : (double) truePositives / flagged;
    }

    double recall() {
      return leaky == 0 ? Double.NaN : (double) truePositives / leaky;
    }

    /** The same run scored on {@code subset} only (a subset of the cases it was computed on). */
    Score restrictedTo(List<Case> subset) {
      Set<String> names = new HashSet<>();
      subset.forEach(c -> names.add(c.name()));
      List<String> subsetMissed = missed.stream().filter(names::contains).toList();
      List<String> subsetFalseAlarms = falseAlarms.stream().filter(names::contains).toList();
      int subsetLeaky = (int) subset.stream().filter(Case::leaky).count();
      return new Score(
          tool, subsetLeaky - subsetMissed.size(), subsetFalseAlarms.size(), subsetLeaky, subsetMissed,
          subsetFalseAlarms);
    }
  }

  private Corpus() {}

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("cases"))) {
      for (Path file : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Set<Long> leaks = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).contains("// LEAK")) {
            leaks.add(i + 1L);
          }
        }
        String name = file.getFileName().toString().replace(".java", "");
        cases.add(new Case(name, file, Set.copyOf(leaks)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the corpus under " + ROOT.toAbsolutePath(), e);
    }
    return cases;
  }

  static List<Path> stubs() {
    try (Stream<Path> files = Files.walk(ROOT.resolve("stubs"))) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the corpus stubs under " + ROOT.toAbsolutePath(), e);
    }
  }

  /** Compiles the whole corpus with Error Prone running {@code checks} and scores what they report. */
  static Score score(String tool, ScannerSupplier checks, Set<String> checkNames, List<Case> cases) {
    return score(tool, new BaseErrorProneJavaCompiler(checks), List.of(), checkNames::contains, cases);
  }

  /**
   * Compiles the whole corpus with {@code compiler} and {@code options}, and scores the
   * diagnostics whose {@code [key]} passes {@code counts}.
   */
  static Score score(
      String tool,
      JavaCompiler compiler,
      List<String> options,
      Predicate<String> counts,
      List<Case> cases) {
    List<Path> sources = new ArrayList<>(stubs());
    cases.forEach(c -> sources.add(c.file()));
    Map<String, Set<Long>> reported = new TreeMap<>();
    for (Diagnostic<? extends JavaFileObject> d : compile(compiler, options, sources)) {
      String message = d.getMessage(Locale.ROOT);
      String check = message.startsWith("[") ? message.substring(1, message.indexOf(']')) : "";
      if (check.isEmpty() || !counts.test(check) || d.getSource() == null) {
        continue;
      }
      String file = Path.of(d.getSource().toUri()).getFileName().toString().replace(".java", "");
      reported.computeIfAbsent(file, f -> new HashSet<>()).add(d.getLineNumber());
    }
    int truePositives = 0;
    int falsePositives = 0;
    int leaky = 0;
    List<String> missed = new ArrayList<>();
    List<String> falseAlarms = new ArrayList<>();
    for (Case c : cases) {
      Set<Long> lines = reported.getOrDefault(c.name(), Set.of());
      if (c.leaky()) {
        leaky++;
        if (lines.stream().anyMatch(c.leakLines()::contains)) {
          truePositives++;
        } else {
          missed.add(c.name());
        }
      }
      if (lines.stream().anyMatch(line -> !c.leakLines().contains(line))) {
        falsePositives++;
        falseAlarms.add(c.name());
      }
    }
    return new Score(tool, truePositives, falsePositives, leaky, missed, falseAlarms);
  }

  /** Compiles {@code sources}; fails on a javac error (one that is not a check's finding). */
  static List<Diagnostic<? extends JavaFileObject>> compile(
      JavaCompiler compiler, List<String> extraOptions, List<Path> sources) {
    Path out;
    try {
      out = Files.createTempDirectory("corpus");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary output directory", e);
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = new ArrayList<>();
      options.addAll(
          List.of(
              "-d", out.toString(),
              "-XDcompilePolicy=simple",
              "--should-stop=ifError=FLOW",
              "-Xmaxerrs", "10000",
              "-classpath", System.getProperty("java.class.path")));
      options.addAll(extraOptions.isEmpty() ? List.of("-proc:none") : extraOptions);
      Boolean ok =
          compiler
              .getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
              .call();
      List<Diagnostic<? extends JavaFileObject>> all = diagnostics.getDiagnostics();
      for (Diagnostic<? extends JavaFileObject> d : all) {
        if (d.getKind() == Diagnostic.Kind.ERROR && !d.getMessage(Locale.ROOT).startsWith("[")) {
          throw new IllegalStateException("the corpus does not compile: " + d);
        }
      }
      if (ok == null) {
        throw new IllegalStateException("javac returned no result");
      }
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the file manager", e);
    } finally {
      deleteTree(out);
    }
  }

  static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
