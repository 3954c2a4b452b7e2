package dev.lifecycle.errorprone;

import com.google.errorprone.CompilationTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A malformed {@code -XepOpt:UnclosedResource:...} flag is one clear error of the check, on the
 * first compilation unit, not a crash of javac; the well-formed entries still apply.
 */
final class FlagProblemsTest {
  @Test
  void malformedOwningMethod_isReportedAsAFinding() {
    CompilationTestHelper.newInstance(UnclosedResource.class, getClass())
        .setArgs(List.of("-XepOpt:UnclosedResource:OwningMethods=adopt,com.acme.Pool.adopt"))
        .addSourceLines(
            "Test.java",
            "// BUG: Diagnostic contains: -XepOpt:UnclosedResource:OwningMethods entry was 'adopt';"
                + " write each method as fully.qualified.Type.methodName",
            "class Test {}")
        .addSourceLines("Other.java", "class Other {}")
        .doTest();
  }

  @Test
  void malformedResourceType_isReportedAsAFinding() {
    CompilationTestHelper.newInstance(UnclosedResource.class, getClass())
        .setArgs(List.of("-XepOpt:UnclosedResource:ResourceTypes=com.acme.Handle()"))
        .addSourceLines(
            "Test.java",
            "// BUG: Diagnostic contains: -XepOpt:UnclosedResource:ResourceTypes entry was"
                + " 'com.acme.Handle()'; write each type as fully.qualified.TypeName",
            "class Test {}")
        .doTest();
  }

  @Test
  void misspelledFlag_isReportedAsAFinding() {
    CompilationTestHelper.newInstance(UnclosedResource.class, getClass())
        .setArgs(List.of("-XepOpt:UnclosedResource:OwningMethod=com.acme.Pool.adopt"))
        .addSourceLines(
            "Test.java",
            "// BUG: Diagnostic contains: -XepOpt:UnclosedResource:OwningMethod is not a flag of the"
                + " lifecycle checks",
            "class Test {}")
        .doTest();
  }

  @Test
  void malformedEntry_wellFormedOnesStillApply() {
    CompilationTestHelper.newInstance(UnclosedResource.class, getClass())
        .setArgs(List.of("-XepOpt:UnclosedResource:OwningMethods=adopt,Pool.consume"))
        .addSourceLines(
            "Pool.java",
            "// BUG: Diagnostic contains: entry was 'adopt'",
            "class Pool {",
            "  void consume(java.io.InputStream in) {}",
            "}")
        .addSourceLines(
            "Test.java",
            "import java.io.*;",
            "class Test {",
            "  void handOver(Pool pool, File f) throws IOException {",
            "    pool.consume(new FileInputStream(f));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void malformedFlag_otherChecksDoNotCrash() {
    for (Class<? extends com.google.errorprone.bugpatterns.BugChecker> check :
        List.of(
            OwningFieldNotClosed.class, ScopeNotInTryWithResources.class, DiscardedResource.class)) {
      CompilationTestHelper.newInstance(check, getClass())
          .setArgs(List.of("-XepOpt:UnclosedResource:OwningMethods=adopt"))
          .addSourceLines("Test.java", "class Test {}")
          .doTest();
    }
  }
}
