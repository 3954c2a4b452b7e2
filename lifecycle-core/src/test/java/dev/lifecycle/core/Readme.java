package dev.lifecycle.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README's quickstarts are marked regions of test sources ({@code // README:name:begin} to
 * {@code // README:name:end}); tests compile and run the region and check that the README shows it
 * verbatim.
 */
public final class Readme {
  private Readme() {}

  /** The project's README. */
  public static String text() {
    return read(Path.of("..", "README.md"));
  }

  /** The lines of region {@code name} in {@code test}'s source, without their common indent. */
  public static String region(Class<?> test, String name) {
    Path source = Path.of("src/test/java", test.getName().replace('.', '/') + ".java");
    String text = read(source);
    String begin = "// README:" + name + ":begin\n";
    int start = text.indexOf(begin);
    int end = text.indexOf("// README:" + name + ":end");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "no region \"" + name + "\" in " + source + "; mark it with " + begin.strip() + " and its :end");
    }
    int to = text.lastIndexOf('\n', end);
    return text.substring(start + begin.length(), to).stripIndent() + "\n";
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
    }
  }
}
