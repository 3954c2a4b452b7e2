package dev.lifecycle.errorprone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With every lifecycle check on, as the service loader registers them, one mistake gives one
 * finding: a scope outside try-with-resources is {@code ScopeNotInTryWithResources}'s, a discarded
 * resource {@code DiscardedResource}'s, and {@code UnclosedResource} does not report them again,
 * unless the other check is turned off.
 */
final class OneFindingTest {
  private static final ScannerSupplier ALL =
      ScannerSupplier.fromBugCheckerClasses(
          UnclosedResource.class,
          DiscardedResource.class,
          OwningFieldNotClosed.class,
          ScopeNotInTryWithResources.class,
          UseAfterTransfer.class);

  @TempDir Path sources;

  @Test
  void scopeOutsideTryWithResources_isReportedOnce() throws IOException {
    List<String> found =
        findings(
            List.of(),
            "import dev.lifecycle.core.Scope;",
            "class Test {",
            "  void handle() {",
            "    Scope scope = Scope.open(\"request\");",
            "    scope.toString();",
            "  }",
            "}");

    assertThat(found).containsExactly("4: [ScopeNotInTryWithResources]");
  }

  @Test
  void discardedScope_isReportedOnce() throws IOException {
    List<String> found =
        findings(
            List.of(),
            "import dev.lifecycle.core.Scope;",
            "class Test {",
            "  void handle() {",
            "    Scope.open(\"request\");",
            "  }",
            "}");

    assertThat(found).containsExactly("4: [DiscardedResource]");
  }

  @Test
  void discardedStream_isReportedOnce() throws IOException {
    List<String> found =
        findings(
            List.of(),
            "import java.io.*;",
            "class Test {",
            "  void touch(File f) throws IOException {",
            "    new FileOutputStream(f);",
            "  }",
            "}");

    assertThat(found).containsExactly("4: [DiscardedResource]");
  }

  @Test
  void scopeOutsideTryWithResources_otherCheckOff_unclosedResourceReportsIt() throws IOException {
    List<String> found =
        findings(
            List.of("-proc:none", "-Xep:ScopeNotInTryWithResources:OFF"),
            "import dev.lifecycle.core.Scope;",
            "class Test {",
            "  void handle() {",
            "    Scope scope = Scope.open(\"request\");",
            "    scope.toString();",
            "  }",
            "}");

    assertThat(found).containsExactly("4: [UnclosedResource]");
  }

  @Test
  void discardedStream_otherCheckOff_unclosedResourceReportsIt() throws IOException {
    List<String> found =
        findings(
            List.of("-proc:none", "-Xep:DiscardedResource:OFF"),
            "import java.io.*;",
            "class Test {",
            "  void touch(File f) throws IOException {",
            "    new FileOutputStream(f);",
            "  }",
            "}");

    assertThat(found).containsExactly("4: [UnclosedResource]");
  }

  /** Each finding as {@code line: [Check]}. */
  private List<String> findings(List<String> options, String... lines) throws IOException {
    Path file = sources.resolve("Test.java");
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    List<Path> all = new ArrayList<>(Corpus.stubs());
    all.add(file);
    List<String> found = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d :
        Corpus.compile(new BaseErrorProneJavaCompiler(ALL), options, all)) {
      String message = d.getMessage(Locale.ROOT);
      if (message.startsWith("[")) {
        found.add(d.getLineNumber() + ": " + message.substring(0, message.indexOf(']') + 1));
      }
    }
    return found;
  }
}
