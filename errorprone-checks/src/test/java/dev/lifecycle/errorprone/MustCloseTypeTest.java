package dev.lifecycle.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@code @MustClose} on a type makes the results of its factories checked, as the annotation's
 * Javadoc promises for the type, not only results of methods annotated {@code @MustClose}.
 */
final class MustCloseTypeTest {
  private final CompilationTestHelper helper =
      LifecycleStubs.add(CompilationTestHelper.newInstance(UnclosedResource.class, getClass()));

  @Test
  void identification_factoryOfAnnotatedType() {
    helper
        .addSourceLines(
            "Handle.java",
            "import dev.lifecycle.core.MustClose;",
            "@MustClose",
            "class Handle implements AutoCloseable {",
            "  static Handle make(String name) { return new Handle(); }",
            "  Handle named(String name) { return this; }",
            "  @Override public void close() {}",
            "}")
        .addSourceLines(
            "Ticket.java",
            "import dev.lifecycle.core.MustClose;",
            "/** Not AutoCloseable: released by its own method. */",
            "@MustClose",
            "interface Ticket {",
            "  void close();",
            "}")
        .addSourceLines(
            "Registry.java",
            "interface Registry {",
            "  Handle checkout(String name);",
            "  Handle getCurrent();",
            "  Ticket reserve();",
            "}")
        .addSourceLines(
            "Test.java",
            "class Test {",
            "  void staticFactory() {",
            "    // BUG: Diagnostic contains: `Handle.make(..)` is not closed",
            "    Handle h = Handle.make(\"a\");",
            "    h.toString();",
            "  }",
            "  void instanceFactory(Registry registry) {",
            "    // BUG: Diagnostic contains: `checkout(..)` is not closed",
            "    Handle h = registry.checkout(\"a\");",
            "    h.toString();",
            "  }",
            "  void notAutoCloseable(Registry registry) {",
            "    // BUG: Diagnostic contains: `reserve(..)` is not closed",
            "    Ticket t = registry.reserve();",
            "    t.toString();",
            "  }",
            "  void closed(Registry registry) {",
            "    try (Handle h = registry.checkout(\"a\")) {",
            "      h.toString();",
            "    }",
            "    Ticket t = registry.reserve();",
            "    t.close();",
            "  }",
            "  void getterAndFluent(Registry registry) {",
            "    Handle current = registry.getCurrent();",
            "    current.toString();",
            "    try (Handle h = Handle.make(\"a\")) {",
            "      Handle same = h.named(\"b\");",
            "      same.toString();",
            "    }",
            "  }",
            "  Handle returned(Registry registry) {",
            "    return registry.checkout(\"a\");",
            "  }",
            "}")
        .doTest();
  }
}
