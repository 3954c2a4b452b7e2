package dev.lifecycle.errorprone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.errorprone.BugCheckerInfo;
import com.google.errorprone.bugpatterns.BugChecker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every check registered for the service loader has its page in {@code docs/}, under its name, with
 * its severity, and its {@code @BugPattern} links to that page; every page belongs to a registered
 * check.
 */
final class DocsPagesTest {
  private static final Path DOCS = Path.of("docs");

  @Test
  void registeredChecks_eachHasItsPageWithNameSeverityAndLink() throws Exception {
    List<BugCheckerInfo> checks = registered();
    assertThat(checks).isNotEmpty();
    for (BugCheckerInfo check : checks) {
      Path page = DOCS.resolve(check.canonicalName() + ".md");
      assertThat(page).as("docs page of %s", check.canonicalName()).exists();
      List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
      assertThat(lines.get(0)).as("title of %s", page).isEqualTo("# " + check.canonicalName());
      assertThat(lines)
          .as("severity in %s", page)
          .contains("**Severity:** " + check.defaultSeverity());
      assertThat(check.linkUrl())
          .as("@BugPattern link of %s", check.canonicalName())
          .isEqualTo(Docs.PAGES + check.canonicalName() + ".md");
    }
  }

  @Test
  void docsPages_eachBelongsToARegisteredCheck() throws Exception {
    List<String> names = registered().stream().map(BugCheckerInfo::canonicalName).toList();
    try (Stream<Path> pages = Files.list(DOCS)) {
      assertThat(pages.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")))
          .allSatisfy(page -> assertThat(names).contains(page.substring(0, page.length() - 3)));
    }
  }

  private static List<BugCheckerInfo> registered() throws IOException, ClassNotFoundException {
    String services = "META-INF/services/" + BugChecker.class.getName();
    List<BugCheckerInfo> checks = new ArrayList<>();
    try (InputStream in =
        Objects.requireNonNull(
            DocsPagesTest.class.getClassLoader().getResourceAsStream(services), services)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          checks.add(BugCheckerInfo.create(Class.forName(name).asSubclass(BugChecker.class)));
        }
      }
    }
    return checks;
  }
}
