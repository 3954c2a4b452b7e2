package dev.lifecycle.netty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a {@code main} of the test classes, optionally under {@code ulimit -n};
 * its output lines are queued. {@link #close()} kills it (and waits), whatever state it is in.
 */
@SuppressWarnings("try") // close() waits for the killed child, and may be interrupted
final class ChildJvm implements AutoCloseable {
  final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> all = new ArrayList<>();
  private final Thread reader;

  private ChildJvm(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "child-jvm-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code main} with {@code args}; {@code fdLimit} 0 for none. */
  static ChildJvm start(Class<?> main, int fdLimit, List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xmx128m");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder;
    if (fdLimit > 0) {
      List<String> shell = new ArrayList<>(List.of("bash", "-c", "ulimit -n " + fdLimit + " && exec \"$@\"", "child"));
      shell.addAll(command);
      builder = new ProcessBuilder(shell);
    } else {
      builder = new ProcessBuilder(command);
    }
    return new ChildJvm(builder.redirectErrorStream(true).start());
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        synchronized (all) {
          all.add(line);
        }
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("output ended: " + e);
    }
  }

  /** The next line starting with {@code prefix}, waiting up to {@code seconds}. */
  String await(String prefix, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
      if (line == null) {
        throw new AssertionError("no line \"" + prefix + "...\" from the child within " + seconds
            + " s (alive: " + process.isAlive() + "); its output:\n" + output());
      }
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  String output() {
    synchronized (all) {
      return String.join("\n", all);
    }
  }

  /** Seconds of CPU (user + system) the child has used, from {@code /proc/<pid>/stat}. */
  double cpuSeconds() throws IOException {
    String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    return ticks / 100.0; // USER_HZ is 100 on Linux
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      throw new AssertionError("child " + process.pid() + " still alive 20 s after SIGKILL");
    }
    reader.join(TimeUnit.SECONDS.toMillis(10));
  }
}
