package dev.lifecycle.consumertest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the files the tests compare: the README, the example's sources, the examples' logs. */
final class Texts {
  private Texts() {}

  static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
    }
  }

  /**
   * The lines between the line that holds {@code README:name:begin} and the one that holds {@code
   * README:name:end} in {@code file} (an XML or a Java comment), without their common indent.
   */
  static String region(Path file, String name) {
    String text = read(file);
    String begin = "README:" + name + ":begin";
    int marker = text.indexOf(begin);
    int end = text.indexOf("README:" + name + ":end");
    if (marker < 0 || end < marker) {
      throw new IllegalArgumentException(
          "no region \"" + name + "\" in " + file + "; mark it with " + begin + " and its :end");
    }
    int from = text.indexOf('\n', marker) + 1;
    int to = text.lastIndexOf('\n', end);
    return text.substring(from, to).stripIndent() + "\n";
  }
}
