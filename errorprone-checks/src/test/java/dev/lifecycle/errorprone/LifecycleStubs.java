package dev.lifecycle.errorprone;

import com.google.errorprone.CompilationTestHelper;

/** Stub versions of lifecycle's types, matched by name, for the checks' tests. */
final class LifecycleStubs {
  private LifecycleStubs() {}

  static CompilationTestHelper add(CompilationTestHelper helper) {
    return helper
        .addSourceLines(
            "dev/lifecycle/core/Scope.java",
            "package dev.lifecycle.core;",
            "public interface Scope extends AutoCloseable {",
            "  static Scope open(String name) { throw new UnsupportedOperationException(); }",
            "  <T extends AutoCloseable> T own(T resource);",
            "  <T extends AutoCloseable> T release(T resource);",
            "  <T extends AutoCloseable> void transfer(T resource, Scope other);",
            "  Scope child(String name);",
            "  @Override void close();",
            "}")
        .addSourceLines(
            "dev/lifecycle/core/Lease.java",
            "package dev.lifecycle.core;",
            "public interface Lease<V> extends AutoCloseable {",
            "  V get();",
            "  @Override void close();",
            "}")
        .addSourceLines(
            "dev/lifecycle/core/Permit.java",
            "package dev.lifecycle.core;",
            "public interface Permit extends AutoCloseable {",
            "  @Override void close();",
            "}")
        .addSourceLines(
            "dev/lifecycle/jdbc/Session.java",
            "package dev.lifecycle.jdbc;",
            "public interface Session extends AutoCloseable {",
            "  void commit();",
            "  @Override void close();",
            "}")
        .addSourceLines(
            "dev/lifecycle/core/Owning.java",
            "package dev.lifecycle.core;",
            "import java.lang.annotation.*;",
            "@Retention(RetentionPolicy.RUNTIME)",
            "@Target({ElementType.PARAMETER, ElementType.FIELD})",
            "public @interface Owning {}")
        .addSourceLines(
            "dev/lifecycle/core/Borrowed.java",
            "package dev.lifecycle.core;",
            "import java.lang.annotation.*;",
            "@Retention(RetentionPolicy.RUNTIME)",
            "@Target({ElementType.PARAMETER, ElementType.FIELD})",
            "public @interface Borrowed {}")
        .addSourceLines(
            "dev/lifecycle/core/MustClose.java",
            "package dev.lifecycle.core;",
            "import java.lang.annotation.*;",
            "@Retention(RetentionPolicy.RUNTIME)",
            "@Target({ElementType.TYPE, ElementType.METHOD})",
            "public @interface MustClose {}");
  }
}
