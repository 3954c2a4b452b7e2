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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suggested fixes as a user applies them, with {@code -XepPatchChecks} and {@code
 * -XepPatchLocation:IN_PLACE}: the file afterwards is compared as exact text, so indentation and
 * left-over lines count (the refactoring test helper formats both sides before comparing).
 */
final class PatchInPlaceTest {
  private static final ScannerSupplier ALL =
      ScannerSupplier.fromBugCheckerClasses(
          UnclosedResource.class,
          DiscardedResource.class,
          OwningFieldNotClosed.class,
          ScopeNotInTryWithResources.class,
          UseAfterTransfer.class);

  @TempDir Path sources;

  @Test
  void patch_unclosedResource_indentsTheTryBodyOneLevelDeeper() throws IOException {
    String patched =
        patch(
            "import java.io.*;",
            "class Test {",
            "  void copy(File f, OutputStream out, boolean skip) throws IOException {",
            "    InputStream in = new FileInputStream(f); // the source",
            "    if (skip) {",
            "      in.close();",
            "      return;",
            "    }",
            "",
            "    // all of it",
            "    in.transferTo(out);",
            "    in.close();",
            "    out.flush();",
            "  }",
            "}");

    assertThat(patched)
        .isEqualTo(
            lines(
                "import java.io.*;",
                "class Test {",
                "  void copy(File f, OutputStream out, boolean skip) throws IOException {",
                "    try (InputStream in = new FileInputStream(f)) { // the source",
                "      if (skip) {",
                "        return;",
                "      }",
                "",
                "      // all of it",
                "      in.transferTo(out);",
                "    }",
                "    out.flush();",
                "  }",
                "}"));
  }

  @Test
  void patch_localReadAfterTheClose_isDeclaredBeforeTheTry() throws IOException {
    String patched =
        patch(
            "import java.io.*;",
            "class Test {",
            "  int first(File f) throws IOException {",
            "    InputStream in = new FileInputStream(f);",
            "    int b = in.read();",
            "    in.close();",
            "    return b;",
            "  }",
            "}");

    assertThat(patched)
        .isEqualTo(
            lines(
                "import java.io.*;",
                "class Test {",
                "  int first(File f) throws IOException {",
                "    int b;",
                "    try (InputStream in = new FileInputStream(f)) {",
                "      b = in.read();",
                "    }",
                "    return b;",
                "  }",
                "}"));
  }

  @Test
  void patch_tabIndentedCode_staysTabIndented() throws IOException {
    String patched =
        patch(
            "import java.io.*;",
            "class Test {",
            "\tvoid write(File f) throws IOException {",
            "\t\tOutputStream out = new FileOutputStream(f);",
            "\t\tout.write(1);",
            "\t\tout.close();",
            "\t}",
            "}");

    assertThat(patched)
        .isEqualTo(
            lines(
                "import java.io.*;",
                "class Test {",
                "\tvoid write(File f) throws IOException {",
                "\t\ttry (OutputStream out = new FileOutputStream(f)) {",
                "\t\t\tout.write(1);",
                "\t\t}",
                "\t}",
                "}"));
  }

  @Test
  void patch_scopeNotInTryWithResources_oneFixNoCloseLeft() throws IOException {
    String patched =
        patch(
            "import dev.lifecycle.core.Scope;",
            "class Test {",
            "    void handle() {",
            "        Scope scope = Scope.open(\"request\");",
            "        scope.toString();",
            "        scope.close();",
            "    }",
            "}");

    assertThat(patched)
        .isEqualTo(
            lines(
                "import dev.lifecycle.core.Scope;",
                "class Test {",
                "    void handle() {",
                "        try (Scope scope = Scope.open(\"request\")) {",
                "            scope.toString();",
                "        }",
                "    }",
                "}"));
  }

  private String patch(String... lines) throws IOException {
    Path file = sources.resolve("Test.java");
    Files.writeString(file, lines(lines), StandardCharsets.UTF_8);
    List<Path> all = new ArrayList<>();
    all.add(file);
    for (Path stub : Corpus.stubs()) { // copies: a patch must never touch the checked-in stubs
      Path copy = sources.resolve(Corpus.ROOT.resolve("stubs").relativize(stub).toString());
      Files.createDirectories(copy.getParent());
      Files.copy(stub, copy);
      all.add(copy);
    }
    Corpus.compile(
        new BaseErrorProneJavaCompiler(ALL),
        List.of(
            "-proc:none",
            "-XepPatchChecks:UnclosedResource,ScopeNotInTryWithResources",
            "-XepPatchLocation:IN_PLACE"),
        all);
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
