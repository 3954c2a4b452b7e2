package dev.lifecycle.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Helpers for GC-driven leak tests: a tracked file, a report queue, bounded waits, FD counts. */
final class Leaks {
  static final Duration DEADLINE = Duration.ofSeconds(30);

  private Leaks() {}

  /** A tracked wrapper over a real file, written as the {@link Tracked} javadoc shows. */
  static final class TrackedFile implements AutoCloseable, TrackedResource {
    private final FileChannel channel;
    private final Tracked tracked;

    TrackedFile(ResourceKind kind, Path path, @Nullable String description) throws IOException {
      this.channel = FileChannel.open(path, StandardOpenOption.READ);
      this.tracked = kind.track(this, channel, description);
    }

    FileChannel channel() {
      return channel;
    }

    long size() throws IOException {
      tracked.checkOpen();
      tracked.touch("size()");
      return channel.size();
    }

    @Override
    public Tracked tracked() {
      return tracked;
    }

    @Override
    public void close() throws IOException {
      if (tracked.close()) {
        channel.close();
      }
    }
  }

  /** A listener that queues what it receives. */
  static final class Collector implements LifecycleListener {
    final BlockingQueue<LeakReport> leaks = new LinkedBlockingQueue<>();
    final BlockingQueue<LongHoldReport> longHolds = new LinkedBlockingQueue<>();

    @Override
    public void onLeak(LeakReport report) {
      leaks.add(report);
    }

    @Override
    public void onLongHold(LongHoldReport report) {
      longHolds.add(report);
    }

    /** Runs the GC until a leak is reported; fails after {@link #DEADLINE}. */
    LeakReport awaitLeak() throws InterruptedException {
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (System.nanoTime() < deadline) {
        System.gc();
        LeakReport report = leaks.poll(50, TimeUnit.MILLISECONDS);
        if (report != null) {
          return report;
        }
      }
      throw new AssertionError("no leak was reported within " + DEADLINE);
    }
  }

  /** Runs the GC until {@code condition} holds; fails after {@link #DEADLINE}. */
  static void gcUntil(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + DEADLINE + ": " + what);
      }
      System.gc();
      LockSupport.parkNanos(20_000_000); // a pause between polls of the condition
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while waiting until " + what);
      }
    }
  }

  /** Open file descriptors of this process, from {@code /proc/self/fd}. */
  static long openFileDescriptors() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
