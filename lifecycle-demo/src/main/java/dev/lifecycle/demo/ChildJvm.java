package dev.lifecycle.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One run of a scenario in a JVM of its own: its own heap, its own FD limit ({@code ulimit -n}
 * through {@code sh -c}, with {@code -XX:-MaxFDLimit} so HotSpot keeps it), and its open FDs counted
 * from outside through {@code /proc/<pid>/fd}, which still works when the child has none left.
 */
final class ChildJvm implements AutoCloseable {
  private static final int STDERR_LINES = 40;

  private final Process process;
  private final RunRecord record;
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Deque<String> stderr = new ArrayDeque<>();
  private final Thread reader;
  private final Thread errors;
  private volatile int port;
  private volatile long fdLimit;
  private volatile long readyNanos;
  private volatile @Nullable Thread fdSampler;

  private ChildJvm(Process process, RunRecord record) {
    this.process = process;
    this.record = record;
    this.reader = new Thread(this::readOut, "demo-child-out-" + process.pid());
    this.errors = new Thread(this::readErr, "demo-child-err-" + process.pid());
    reader.setDaemon(true);
    errors.setDaemon(true);
    reader.start();
    errors.start();
  }

  /**
   * Starts {@link Child} with {@code args} (scenario, variant, settings) in a new JVM.
   *
   * @param fdLimit the child's {@code ulimit -n}, or 0 to keep this process's
   * @param env extra environment (secrets go here, never on the command line)
   */
  static ChildJvm start(List<String> args, long fdLimit, String maxHeap, Map<String, String> env, RunRecord record)
      throws IOException {
    List<String> command = new ArrayList<>();
    if (fdLimit > 0) {
      command.addAll(List.of("sh", "-c", "ulimit -n " + fdLimit + " && exec \"$@\"", "sh"));
    }
    command.add(javaExecutable());
    command.addAll(List.of("-XX:-MaxFDLimit", "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-Xshare:auto",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Child.class.getName()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    return new ChildJvm(builder.start(), record);
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Whether this machine lets a process count another's open FDs. */
  static boolean canCountFds() {
    return Files.isDirectory(Path.of("/proc/self/fd"));
  }

  /** Waits for the child's READY line; false if it ended or said it cannot run first. */
  boolean awaitReady(Duration timeout) throws InterruptedException {
    return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && port >= 0 && record.skipped() == null;
  }

  int port() {
    return port;
  }

  long fdLimit() {
    return fdLimit;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Seconds since the child said READY (the time axis of every series). */
  double seconds() {
    return readyNanos == 0 ? 0 : (System.nanoTime() - readyNanos) / 1e9;
  }

  /** Samples the child's open FDs into series {@code fds} every {@code interval}, from outside. */
  void sampleFds(Duration interval) {
    Path dir = Path.of("/proc", Long.toString(process.pid()), "fd");
    Thread t = new Thread(() -> {
      while (process.isAlive() && !Thread.currentThread().isInterrupted()) {
        try (Stream<Path> fds = Files.list(dir)) {
          long n = fds.count();
          record.series("fds").add(seconds(), n);
        } catch (IOException e) {
          return; // the child is gone
        }
        try {
          Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "demo-fd-sampler-" + process.pid());
    t.setDaemon(true);
    t.start();
    fdSampler = t;
  }

  /** Counts the child's open FDs now, from outside; -1 if it cannot. */
  long countFds() {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
      return fds.count();
    } catch (IOException e) {
      return -1;
    }
  }

  /** Stops sampling FDs: the run is over, what follows is the child's shutdown. */
  void stopSampling() {
    Thread sampler = fdSampler;
    if (sampler != null) {
      sampler.interrupt();
    }
  }

  /** The latest FD count sampled, or -1. */
  long fds() {
    Series s = record.series("fds");
    return s.isEmpty() ? -1 : (long) s.last();
  }

  /** Tells the child to finish (closes its standard input) and waits for it to report and end. */
  boolean finish(Duration timeout) throws InterruptedException {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // the child is gone already
    }
    boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    reader.join(Math.max(1, timeout.toMillis()));
    return ended;
  }

  /** The child's last lines of standard error (its log), for a run that failed. */
  String stderrTail() {
    synchronized (stderr) {
      return String.join("\n", stderr);
    }
  }

  @Override
  public void close() {
    Thread sampler = fdSampler;
    if (sampler != null) {
      sampler.interrupt();
    }
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void readOut() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        parse(line);
      }
    } catch (IOException e) {
      // the child is gone
    } finally {
      if (ready.getCount() > 0) {
        port = -1;
        ready.countDown();
      }
    }
  }

  private void parse(String line) {
    int space = line.indexOf(' ');
    String tag = space < 0 ? line : line.substring(0, space);
    String rest = space < 0 ? "" : line.substring(space + 1);
    switch (tag) {
      case "READY" -> {
        String[] parts = rest.split(" ", -1);
        readyNanos = System.nanoTime();
        port = Integer.parseInt(parts[0]);
        fdLimit = Long.parseLong(parts[1]);
        ready.countDown();
      }
      case "S" -> {
        String[] parts = rest.split(" ", -1);
        double seconds = Long.parseLong(parts[0]) / 1000.0;
        for (int i = 1; i < parts.length; i++) {
          int eq = parts[i].indexOf('=');
          record.series(parts[i].substring(0, eq)).add(seconds, Double.parseDouble(parts[i].substring(eq + 1)));
        }
      }
      case "E" -> {
        int sp = rest.indexOf(' ');
        record.event(Long.parseLong(rest.substring(0, sp)) / 1000.0, Wire.unescape(rest.substring(sp + 1)));
      }
      case "N" -> {
        int sp = rest.indexOf(' ');
        record.number(rest.substring(0, sp), Double.parseDouble(rest.substring(sp + 1)));
      }
      case "T" -> {
        int sp = rest.indexOf(' ');
        record.text(rest.substring(0, sp), Wire.unescape(rest.substring(sp + 1)));
      }
      case "X" -> {
        record.skip(Wire.unescape(rest));
        ready.countDown();
      }
      default -> addStderr("stdout: " + line);
    }
  }

  private void readErr() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        addStderr(line);
      }
    } catch (IOException e) {
      // the child is gone
    }
  }

  private void addStderr(String line) {
    synchronized (stderr) {
      stderr.addLast(line);
      while (stderr.size() > STDERR_LINES) {
        stderr.removeFirst();
      }
    }
  }
}
