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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README says about test code: the checks run on it as on main code (nothing in them looks
 * at where a file is), and {@code -XepExcludedPaths:.*}{@code /src/test/java/.*} keeps Error Prone,
 * and so the checks, off it. The per-check form ({@code -Xep:UnclosedResource:OFF} ... on {@code
 * testCompile}) is built by lifecycle-consumer-test's example.
 */
final class TestCodeTest {
  private static final ScannerSupplier ALL =
      ScannerSupplier.fromBugCheckerClasses(
          UnclosedResource.class,
          DiscardedResource.class,
          OwningFieldNotClosed.class,
          ScopeNotInTryWithResources.class,
          UseAfterTransfer.class);

  @TempDir Path project;

  @Test
  void testSource_noFlag_isChecked() throws IOException {
    assertThat(findings(List.of("-proc:none"))).containsExactly("[UnclosedResource]");
  }

  @Test
  void testSource_excludedPaths_isNotChecked() throws IOException {
    assertThat(findings(List.of("-proc:none", "-XepExcludedPaths:.*/src/test/java/.*"))).isEmpty();
  }

  private List<String> findings(List<String> options) throws IOException {
    Path file = project.resolve("src/test/java/com/acme/Fixtures.java");
    Files.createDirectories(file.getParent());
    Files.write(
        file,
        List.of(
            "package com.acme;",
            "import java.io.*;",
            "import java.nio.file.*;",
            "final class Fixtures {",
            "  static String firstLine(Path file) throws IOException {",
            "    BufferedReader in = Files.newBufferedReader(file);",
            "    return String.valueOf(in.readLine());",
            "  }",
            "}"),
        StandardCharsets.UTF_8);
    List<String> found = new ArrayList<>();
    Corpus.compile(new BaseErrorProneJavaCompiler(ALL), options, List.of(file))
        .forEach(
            d -> {
              String message = d.getMessage(Locale.ROOT);
              if (message.startsWith("[")) {
                found.add(message.substring(0, message.indexOf(']') + 1));
              }
            });
    return found;
  }
}
