package com.example.orders.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test data. Drops its reader on purpose: the pom's lifecycle-checks-not-on-tests profile keeps
 * lifecycle's checks off test code, so this compiles; with them on it fails with
 * [UnclosedResource], as the same leak in main code does.
 */
final class Fixtures {
  private Fixtures() {}

  static String firstLine(Path file) throws IOException {
    BufferedReader in = Files.newBufferedReader(file);
    return String.valueOf(in.readLine());
  }
}
