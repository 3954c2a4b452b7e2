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

  @Test
  void identification_owningMethodsFlag_isRead() {
    LifecycleStubs.add(
            CompilationTestHelper.newInstance(ScopeNotInTryWithResources.class, getClass()))
        .setArgs(java.util.List.of("-XepOpt:UnclosedResource:OwningMethods=Pool.retain"))
        .addSourceLines(
            "Pool.java",
            "import dev.lifecycle.core.Scope;",
            "class Pool {",
            "  void retain(Scope scope) {}",
            "  void look(Scope scope) {}",
            "}")
        .addSourceLines(
            "Test.java",
            "import dev.lifecycle.core.Scope;",
            "class Test {",
            "  void handOver(Pool pool) {",
            "    pool.retain(Scope.open(\"kept\"));",
            "  }",
            "  void lend(Pool pool) {",
            "    // BUG: Diagnostic contains: ScopeNotInTryWithResources",
            "    pool.look(Scope.open(\"lent\"));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void replacement_movesTheUsesAndDropsEveryClose() {
    BugCheckerRefactoringTestHelper.newInstance(ScopeNotInTryWithResources.class, getClass())
        .addInputLines(
            "dev/lifecycle/core/Scope.java",
            "package dev.lifecycle.core;",
            "public final class Scope implements AutoCloseable {",
            "  public static Scope open(String name) { throw new UnsupportedOperationException(); }",
            "  @Override public void close() {}",
            "}")
        .expectUnchanged()
        .addInputLines(
            "Test.java",
            "import dev.lifecycle.core.Scope;",
            "class Test {",
            "  int run(boolean quick) {",
            "    Scope scope = Scope.open(\"request\");",
            "    if (quick) {",
            "      scope.close();",
            "      return 0;",
            "    }",
            "    int size = scope.hashCode();",
            "    scope.close();",
            "    return size;",
            "  }",
            "}")
        .addOutputLines(
            "Test.java",
            "import dev.lifecycle.core.Scope;",
            "class Test {",
            "  int run(boolean quick) {",
            "    int size;",
            "    try (Scope scope = Scope.open(\"request\")) {",
            "      if (quick) {",
            "        return 0;",
            "      }",
            "      size = scope.hashCode();",
            "    }",
            "    return size;",
            "  }",
            "}")
        .doTest();
  }
}
