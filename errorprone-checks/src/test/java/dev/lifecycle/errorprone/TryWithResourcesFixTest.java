package dev.lifecycle.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import org.junit.jupiter.api.Test;

/**
 * What the try-with-resources fix does to the code (compared after formatting; {@link
 * PatchInPlaceTest} compares the exact text {@code -XepPatchChecks} writes).
 */
final class TryWithResourcesFixTest {
  private final BugCheckerRefactoringTestHelper helper =
      BugCheckerRefactoringTestHelper.newInstance(UnclosedResource.class, getClass());

  @Test
  void replacement_localReadAfterClose_isDeclaredBeforeTheTry() {
    helper
        .addInputLines(
            "Test.java",
            "import java.io.*;",
            "class Test {",
            "  int first(File f) throws IOException {",
            "    InputStream in = new FileInputStream(f);",
            "    int b = in.read();",
            "    in.close();",
            "    return b;",
            "  }",
            "}")
        .addOutputLines(
            "Test.java",
            "import java.io.*;",
            "class Test {",
            "  int first(File f) throws IOException {",
            "    int b;",
            "    try (InputStream in = new FileInputStream(f)) {",
            "      b = in.read();",
            "    }",
            "    return b;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void replacement_nestedStatements_everyCloseDropped() {
    helper
        .addInputLines(
            "Test.java",
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
            "}")
        .addOutputLines(
            "Test.java",
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
            "}")
        .doTest();
  }

  @Test
  void replacement_wrappedResource_wrapperBecomesTheResource() {
    helper
        .addInputLines(
            "Test.java",
            "import java.io.*;",
            "class Test {",
            "  String firstLine(File f) throws IOException {",
            "    BufferedReader r = new BufferedReader(new FileReader(f));",
            "    final String line = r.readLine();",
            "    r.close();",
            "    return line.strip();",
            "  }",
            "}")
        .addOutputLines(
            "Test.java",
            "import java.io.*;",
            "class Test {",
            "  String firstLine(File f) throws IOException {",
            "    final String line;",
            "    try (BufferedReader r = new BufferedReader(new FileReader(f))) {",
            "      line = r.readLine();",
            "    }",
            "    return line.strip();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void replacement_localAssignedAgain_noFix() {
    helper
        .addInputLines(
            "Test.java",
            "import java.io.*;",
            "class Test {",
            "  int read(File f, File g) throws IOException {",
            "    InputStream in = new FileInputStream(f);",
            "    int b = in.read();",
            "    in.close();",
            "    in = new FileInputStream(g);",
            "    try {",
            "      return b + in.read();",
            "    } finally {",
            "      in.close();",
            "    }",
            "  }",
            "}")
        .expectUnchanged()
        .doTest();
  }

  @Test
  void replacement_varReadAfterClose_noFix() {
    helper
        .addInputLines(
            "Test.java",
            "import java.io.*;",
            "class Test {",
            "  int first(File f) throws IOException {",
            "    InputStream in = new FileInputStream(f);",
            "    var b = in.read();",
            "    in.close();",
            "    return b;",
            "  }",
            "}")
        .expectUnchanged()
        .doTest();
  }
}
