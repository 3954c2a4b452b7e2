package dev.lifecycle.errorprone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.errorprone.bugpatterns.MustBeClosedChecker;
import com.google.errorprone.bugpatterns.StreamResourceLeak;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the lifecycle leak checks on the labelled corpus, next to stock Error
 * Prone's MustBeClosedChecker and StreamResourceLeak in the same run, and the Checker Framework's
 * Resource Leak Checker when it is on the classpath ({@code -Presource-leak-checker}). Writes
 * {@code target/corpus-report.md}.
 */
final class CorpusTest {
  static final Set<String> OURS =
      Set.of(
          "UnclosedResource",
          "DiscardedResource",
          "OwningFieldNotClosed",
          "ScopeNotInTryWithResources");
  static final Set<String> STOCK = Set.of("MustBeClosedChecker", "StreamResourceLeak");
  static final String RESOURCE_LEAK_CHECKER =
      "org.checkerframework.checker.resourceleak.ResourceLeakChecker";

  @Test
  void corpus_lifecycleChecks_meetTargetsAndBeatStockChecks() throws IOException {
    List<Corpus.Case> cases = Corpus.cases();
    List<Corpus.Score> scores = scores(cases);
    Corpus.Score ours = scores.get(0);
    Corpus.Score stock = scores.get(1);
    List<Corpus.Case> mined = cases.stream().filter(Corpus.Case::mined).toList();
    long leaky = cases.stream().filter(Corpus.Case::leaky).count();
    long minedLeaky = mined.stream().filter(Corpus.Case::leaky).count();
    Files.writeString(
        Path.of("target/corpus-report.md"),
        report(cases.size(), leaky, scores)
            + "\n## Mined from real leak fixes (the method before and after each fix)\n\n"
            + report(mined.size(), minedLeaky, scores.stream().map(s -> s.restrictedTo(mined)).toList()),
        StandardCharsets.UTF_8);

    assertThat(cases).hasSizeGreaterThanOrEqualTo(80);
    assertThat(mined).isNotEmpty();
    assertThat(leaky).isBetween(cases.size() * 2L / 5, cases.size() * 3L / 5);
    assertThat(ours.recall()).as(ours.missed().toString()).isGreaterThanOrEqualTo(0.90);
    assertThat(ours.precision()).as(ours.falseAlarms().toString()).isGreaterThanOrEqualTo(0.95);
    assertThat(ours.recall()).isGreaterThan(stock.recall());
  }

  /** Ours, stock Error Prone's, and the Resource Leak Checker's when present, in that order. */
  static List<Corpus.Score> scores(List<Corpus.Case> cases) {
    Corpus.Score ours =
        Corpus.score(
            "lifecycle: UnclosedResource + DiscardedResource + OwningFieldNotClosed + ScopeNotInTryWithResources",
            ScannerSupplier.fromBugCheckerClasses(
                UnclosedResource.class,
                DiscardedResource.class,
                OwningFieldNotClosed.class,
                ScopeNotInTryWithResources.class),
            OURS,
            cases);
    Corpus.Score stock =
        Corpus.score(
            "Error Prone 2.52.0: MustBeClosedChecker + StreamResourceLeak",
            ScannerSupplier.fromBugCheckerClasses(MustBeClosedChecker.class, StreamResourceLeak.class),
            STOCK,
            cases);
    List<Corpus.Score> scores = new ArrayList<>(List.of(ours, stock));
    if (resourceLeakCheckerPresent()) {
      scores.add(
          Corpus.score(
              "Checker Framework Resource Leak Checker (no annotations added)",
              ToolProvider.getSystemJavaCompiler(),
              List.of(
                  "-processor", RESOURCE_LEAK_CHECKER,
                  "-processorpath", System.getProperty("java.class.path")),
              key -> true,
              cases));
    }
    return scores;
  }

  /** On the test classpath only with {@code -Presource-leak-checker}. */
  static boolean resourceLeakCheckerPresent() {
    try {
      Class.forName(RESOURCE_LEAK_CHECKER);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  static String report(int cases, long leaky, List<Corpus.Score> scores) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT, "%d cases: %d leaky, %d correct%n%n", cases, leaky, cases - leaky));
    out.append("| checks | found | false alarms | missed | precision | recall |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (Corpus.Score s : scores) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %s | %s |%n",
              s.tool(),
              s.truePositives(),
              s.falsePositives(),
              s.missed().size(),
              percent(s.precision()),
              percent(s.recall())));
    }
    out.append('\n');
    for (Corpus.Score s : scores) {
      out.append(s.tool()).append("\n  missed: ").append(s.missed());
      out.append("\n  false alarms: ").append(s.falseAlarms()).append('\n');
    }
    return out.toString();
  }

  private static String percent(double value) {
    return Double.isNaN(value) ? "n/a (nothing flagged)" : String.format(Locale.ROOT, "%.1f %%", value * 100);
  }
}
