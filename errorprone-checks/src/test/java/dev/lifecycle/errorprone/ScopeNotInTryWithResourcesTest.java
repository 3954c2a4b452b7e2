package dev.lifecycle.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class ScopeNotInTryWithResourcesTest {
  private final CompilationTestHelper helper =
      LifecycleStubs.add(
          CompilationTestHelper.newInstance(ScopeNotInTryWithResources.class, getClass()));

  @Test
  void identification() {
    helper
        .addSourceLines(
            "Test.java",
            "import dev.lifecycle.core.Scope;",
            "import java.util.function.Supplier;",
            "class Test {",
            "  private final Scope owned = Scope.open(\"service\");",
            "  private Scope later;",
            "  void closedByHand() {",
            "    // BUG: Diagnostic contains: `Scope.open(..)` outside try-with-resources",
            "    Scope scope = Scope.open(\"request\");",
            "    try {",
            "      scope.toString();",
            "    } finally {",
            "      scope.close();",
            "    }",
            "  }",
            "  void passedAlong() {",
            "    // BUG: Diagnostic contains: ScopeNotInTryWithResources",
            "    use(Scope.open(\"request\"));",
            "  }",
            "  void negatives(Scope parent) {",
            "    try (Scope scope = Scope.open(\"request\")) {",
            "      scope.toString();",
            "    }",
            "    parent.own(Scope.open(\"child\"));",
            "    later = Scope.open(\"later\");",
            "    Supplier<Scope> factory = () -> Scope.open(\"lazy\");",
            "  }",
            "  Scope factory() {",
            "    return Scope.open(\"made here, closed by the caller\");",
            "  }",
            "  @SuppressWarnings(\"ScopeNotInTryWithResources\") // closed by the caller's hook",
            "  Scope suppressed() {",
            "    Scope scope = Scope.open(\"hooked\");",
            "    return scope;",
            "  }",
            "  void use(Scope scope) {}",
            "}")
        .doTest();
  }

  @Test
  void replacement_usesTryWithResources() {
    BugCheckerRefactoringTestHelper.newInstance(ScopeNotInTryWithResources.class, getClass())
        .addInputLines(
            "dev/lifecycle/core/Scope.java",
            "package dev.lifecycle.core;",
            "public interface Scope extends AutoCloseable {",
            "  static Scope open(String name) { throw new UnsupportedOperationException(); }",
            "  @Override void close();",
            "}")
        .expectUnchanged()
        .addInputLines(
            "Test.java",
            "import dev.lifecycle.core.Scope;",
            "class Test {",
            "  void run() {",
            "    Scope scope = Scope.open(\"request\");",
            "    scope.toString();",
            "    scope.close();",
            "  }",
            "}")
        .addOutputLines(
            "Test.java",
            "import dev.lifecycle.core.Scope;",
            "class Test {",
            "  void run() {",
            "    try (Scope scope = Scope.open(\"request\")) {",
            "      scope.toString();",
            "    }",
            "  }",
            "}")
        .doTest();
  }
}
