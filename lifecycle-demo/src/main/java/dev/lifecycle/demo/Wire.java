package dev.lifecycle.demo;

import dev.lifecycle.core.Masking;
import java.io.PrintStream;
import java.util.Map;

/**
 * The line protocol a child JVM speaks on its standard output, read by {@link ChildJvm}. One record
 * per line: {@code READY port limit}, {@code S millis name=value...}, {@code E millis text}, {@code N
 * name value}, {@code T name text}, {@code X why}. Texts are masked and escaped onto one line.
 */
final class Wire {
  private final PrintStream out;
  private volatile long start = System.nanoTime();

  Wire(PrintStream out) {
    this.out = out;
  }

  /** Milliseconds since READY (or since this wire was made, before): the time axis of every series. */
  long millis() {
    return (System.nanoTime() - start) / 1_000_000;
  }

  synchronized void ready(int port, long fdLimit) {
    start = System.nanoTime();
    out.println("READY " + port + " " + fdLimit);
    out.flush();
  }

  synchronized void sample(Map<String, Long> values) {
    StringBuilder line = new StringBuilder("S ").append(millis());
    values.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
    out.println(line);
    out.flush();
  }

  synchronized void event(String text) {
    out.println("E " + millis() + " " + escape(text));
    out.flush();
  }

  synchronized void number(String name, double value) {
    out.println("N " + name + " " + value);
    out.flush();
  }

  void number(String name, long value) {
    number(name, (double) value);
  }

  synchronized void text(String name, String value) {
    out.println("T " + name + " " + escape(value));
    out.flush();
  }

  synchronized void skip(String why) {
    out.println("X " + escape(why));
    out.flush();
  }

  static String escape(String text) {
    return Masking.mask(text).replace("\\", "\\\\").replace("\r", "").replace("\n", "\\n");
  }

  static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
