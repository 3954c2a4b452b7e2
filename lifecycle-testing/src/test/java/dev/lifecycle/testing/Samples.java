package dev.lifecycle.testing;

import dev.lifecycle.core.ResourceKind;
import dev.lifecycle.core.Scope;
import dev.lifecycle.core.Tracked;
import dev.lifecycle.core.TrackedResource;
import dev.lifecycle.core.Tracker;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Small leak-checked classes that {@link LeakCheckExtensionTest} runs through the engine test kit. */
final class Samples {
  private Samples() {}

  /** A tracked wrapper over nothing: what a user's connection class looks like to the tracker. */
  static final class Conn implements AutoCloseable, TrackedResource {
    static final ResourceKind KIND = Tracker.global().kind("sample.Conn");
    private final Tracked tracked;

    Conn(String description) {
      this.tracked = KIND.track(this, () -> {}, description);
    }

    @Override
    public Tracked tracked() {
      return tracked;
    }

    @Override
    public void close() {
      tracked.close();
    }
  }

  /** Resources kept reachable on purpose until the sample's class is done. */
  static final List<Object> HELD = new ArrayList<>();

  @LeakChecked(fileDescriptors = false, threads = false, grace = "PT0.2S")
  static final class LeavesOneOpen {
    @Test
    void leaves_oneOpen() {
      HELD.add(new Conn("db://orders")); // kept reachable: open, not leaked
    }

    @AfterAll
    static void release() {
      HELD.forEach(c -> ((Conn) c).close());
      HELD.clear();
    }
  }

  @LeakChecked(fileDescriptors = false, threads = false)
  static final class DropsOne {
    @Test
    @SuppressWarnings("DiscardedResource") // the leak under test
    void drops_one() {
      new Conn("db://dropped");
    }
  }

  @LeakChecked(fileDescriptors = false, threads = false)
  static final class Clean {
    @Test
    void closes_everything() {
      try (Scope scope = Scope.open("clean")) {
        scope.own(new Conn("db://closed"));
      }
    }
  }

  @LeakChecked(fileDescriptors = false, threads = false, grace = "PT0.2S")
  static final class OwnedByScope {
    static Scope scope = Scope.open("placeholder");

    @Test
    void scope_leftOpen() {
      scope.close();
      scope = Scope.open("GET /orders");
      scope.own(new Conn("db://owned"));
    }

    @AfterAll
    static void release() {
      scope.close();
    }
  }

  @LeakChecked(fileDescriptors = false, grace = "PT0.3S")
  static final class LeavesThread {
    static final CountDownLatch STOP = new CountDownLatch(1);

    @Test
    void leaves_aThread() {
      Thread thread = new Thread(() -> {
        try {
          STOP.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "sample-left-behind");
      thread.setDaemon(true);
      thread.start();
    }

    @AfterAll
    static void stop() {
      STOP.countDown();
    }
  }

  @LeakChecked(fileDescriptors = false)
  static final class JoinsThread {
    @Test
    void joins_itsThread() throws InterruptedException {
      Thread thread = new Thread(() -> {}, "sample-joined");
      thread.start();
      thread.join();
    }
  }

  @LeakChecked(threads = false, resources = false, grace = "PT0.2S")
  static final class LeavesFd {
    static final List<FileChannel> CHANNELS = new ArrayList<>();

    @BeforeAll
    static void warmUp() throws IOException {
      touchFile(); // the JDK keeps /dev/urandom open after the first temp file: not the test's
    }

    @Test
    void leaves_aFileOpen() throws IOException {
      Path file = Files.createTempFile("leak-checked", ".txt");
      file.toFile().deleteOnExit();
      CHANNELS.add(FileChannel.open(file, StandardOpenOption.READ));
    }

    @AfterAll
    static void close() throws IOException {
      for (FileChannel channel : CHANNELS) {
        channel.close();
      }
      CHANNELS.clear();
    }
  }

  /** Creates, reads and deletes a temporary file. */
  static void touchFile() throws IOException {
    Path file = Files.createTempFile("leak-checked", ".txt");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.size();
    }
    Files.delete(file);
  }

  @LeakChecked(threads = false)
  static final class ClosesFd {
    @BeforeAll
    static void warmUp() throws IOException {
      touchFile();
    }

    @Test
    void closes_itsFile() throws IOException {
      Path file = Files.createTempFile("leak-checked", ".txt");
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        channel.size();
      }
      Files.delete(file);
    }
  }

  @LeakChecked(fileDescriptors = false, threads = false, grace = "PT0.2S")
  static final class MethodOverride {
    @Test
    @LeakChecked(resources = false, fileDescriptors = false, threads = false)
    void leaves_oneOpen_butResourcesAreOff() {
      HELD.add(new Conn("db://allowed"));
    }

    @AfterAll
    static void release() {
      HELD.forEach(c -> ((Conn) c).close());
      HELD.clear();
    }
  }
}
