package dev.lifecycle.core.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads file-descriptor figures from Linux's {@code /proc}: the entries of {@code /proc/self/fd} and
 * the "Max open files" line of {@code /proc/self/limits}. Every method answers {@code -1} when the
 * figure cannot be read, never a guess.
 */
public final class ProcFs {
  /** The directory that lists this process's open file descriptors. */
  public static final Path SELF_FD = Path.of("/proc/self/fd");

  /** The file that lists this process's resource limits. */
  public static final Path SELF_LIMITS = Path.of("/proc/self/limits");

  private static final Pattern MAX_OPEN_FILES =
      Pattern.compile("^Max open files\\s+(\\S+)\\s+(\\S+)", Pattern.MULTILINE);

  private ProcFs() {}

  /** Whether this process's {@code /proc} entries can be read here. */
  public static boolean available() {
    return Files.isDirectory(SELF_FD) && Files.isReadable(SELF_LIMITS);
  }

  /**
   * Counts the entries of {@code dir}; when {@code dir} is {@code /proc/self/fd}, the descriptor
   * that the listing itself holds open is not counted.
   *
   * @return the count, or {@code -1} when the directory cannot be read
   */
  public static long countOpen(Path dir) {
    long count = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path ignored : entries) {
        count++;
      }
    } catch (IOException | SecurityException e) {
      return -1;
    }
    return dir.equals(SELF_FD) ? count - 1 : count;
  }

  /**
   * The soft "Max open files" limit in a {@code /proc/<pid>/limits} file.
   *
   * @return the limit, {@link Long#MAX_VALUE} when it is "unlimited", or {@code -1} when the file
   *     cannot be read or has no such line
   */
  public static long softFileLimit(Path limits) {
    StringBuilder text = new StringBuilder();
    try (BufferedReader reader = Files.newBufferedReader(limits, StandardCharsets.US_ASCII)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        text.append(line).append('\n');
      }
    } catch (IOException | SecurityException e) {
      return -1;
    }
    return parseSoftFileLimit(text.toString());
  }

  /**
   * The soft "Max open files" limit in the text of a limits file.
   *
   * @return the limit, {@link Long#MAX_VALUE} when it is "unlimited", or {@code -1} when there is
   *     no such line or its value is not a number
   */
  public static long parseSoftFileLimit(String limitsText) {
    Matcher matcher = MAX_OPEN_FILES.matcher(limitsText);
    if (!matcher.find()) {
      return -1;
    }
    String soft = matcher.group(1);
    if (soft.equals("unlimited")) {
      return Long.MAX_VALUE;
    }
    try {
      long value = Long.parseLong(soft);
      return value < 0 ? -1 : value;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
