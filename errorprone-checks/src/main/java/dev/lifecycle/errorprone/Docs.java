package dev.lifecycle.errorprone;

/** Where the checks' documentation lives: one page per check, {@code docs/<CheckName>.md}. */
final class Docs {
  /**
   * The folder of the pages; a check's {@code @BugPattern} links to {@code PAGES + name + ".md"}.
   */
  static final String PAGES =
      "https://github.com/lifecycle-dev/lifecycle/blob/main/errorprone-checks/docs/";

  private Docs() {}
}
