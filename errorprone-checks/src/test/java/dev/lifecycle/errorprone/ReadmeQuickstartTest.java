package dev.lifecycle.errorprone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The README's errorprone-checks quickstart is {@code src/test/resources/readme/Export.java},
 * verbatim; this test compiles it with every lifecycle check and expects exactly the errors its
 * {@code // error: [Check] text} comments show, and checks that the suggested fix turns {@code
 * write} into the try-with-resources form of {@code fixed}, as the README says.
 */
final class ReadmeQuickstartTest {
  private static final Path SNIPPET = Path.of("src/test/resources/readme/Export.java");
  private static final ScannerSupplier LIFECYCLE =
      ScannerSupplier.fromBugCheckerClasses(
          UnclosedResource.class,
          DiscardedResource.class,
          OwningFieldNotClosed.class,
          ScopeNotInTryWithResources.class,
          UseAfterTransfer.class);
  private static final Pattern SHOWN_ERROR = Pattern.compile("// error: \\[(\\w+)] (.*)$");

  @Test
  void readme_showsTheSnippetVerbatim() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    assertThat(readme).contains("```java\n" + Files.readString(SNIPPET, StandardCharsets.UTF_8) + "```");
  }

  @Test
  void snippet_fixRewritesWriteLikeFixed() throws IOException {
    List<String> input = Files.readAllLines(SNIPPET, StandardCharsets.UTF_8);
    int declaration = indexOf(input, "// error:", 0);
    int close = indexOf(input, "out.close();", declaration);
    List<String> output = new ArrayList<>(input.subList(0, declaration));
    String comment = input.get(declaration).substring(input.get(declaration).indexOf(" //"));
    // The fix keeps the declaration's trailing comment, on the line of the try.
    output.add("    try (BufferedWriter out = Files.newBufferedWriter(target)) {" + comment);
    output.addAll(input.subList(declaration + 1, close));
    output.add("    }");
    output.addAll(input.subList(close + 1, input.size()));
    BugCheckerRefactoringTestHelper.newInstance(UnclosedResource.class, getClass())
        .addInputLines("Export.java", input.toArray(String[]::new))
        .addOutputLines("Export.java", output.toArray(String[]::new))
        .doTest();
  }

  private static int indexOf(List<String> lines, String text, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError("the snippet has no line with " + text);
  }

  @Test
  void snippet_reportsExactlyTheErrorsItShows() throws IOException {
    List<String> lines = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    List<Long> shownOn = new ArrayList<>();
    for (String line : Files.readAllLines(SNIPPET, StandardCharsets.UTF_8)) {
      Matcher error = SHOWN_ERROR.matcher(line);
      if (error.find()) {
        lines.add("// BUG: Diagnostic contains: [" + error.group(1) + "] ");
        lines.add(line.substring(0, error.start()));
        shown.add("[" + error.group(1) + "] ");
        shown.add(error.group(2));
        shownOn.add(lines.size() - shownOn.size() - 1L);
        continue;
      }
      lines.add(line);
    }
    assertThat(shownOn).hasSize(1);
    // Every lifecycle check, with the marker lines: no other finding anywhere.
    CompilationTestHelper.newInstance(LIFECYCLE, getClass())
        .addSourceLines("Export.java", lines.toArray(String[]::new))
        .doTest();
    // The snippet itself, as users see it: the message says what the comment says, on that line.
    List<Diagnostic<? extends JavaFileObject>> found =
        Corpus.compile(new BaseErrorProneJavaCompiler(LIFECYCLE), List.of(), List.of(SNIPPET));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).getLineNumber()).isEqualTo(shownOn.get(0));
    assertThat(found.get(0).getMessage(Locale.ROOT)).contains(shown);
  }
}
