package com.example.orders;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Leaks a reader on purpose: with the README's build set-up this must not compile. */
public final class FirstLine {
  private FirstLine() {}

  /** The first line of {@code file}; the reader is never closed. */
  public static String of(Path file) throws IOException {
    BufferedReader in = Files.newBufferedReader(file); // LEAK
    return String.valueOf(in.readLine());
  }
}
