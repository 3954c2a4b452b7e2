package dev.lifecycle.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

final class WatchdogTest {
  private static final long MS = 1_000_000;

  /** Collects what a watchdog reports. */
  static final class Reports implements HealthListener {
    final BlockingQueue<StallReport> stalls = new LinkedBlockingQueue<>();
    final BlockingQueue<StallRecovery> recoveries = new LinkedBlockingQueue<>();

    @Override
    public void onStall(StallReport stall) {
      stalls.add(stall);
    }

    @Override
    public void onRecovery(StallRecovery recovery) {
      recoveries.add(recovery);
    }
  }

  @Test
  void stall_realBlockedThread_isReportedWithTheBlockingFrameThenRecovers() throws Exception {
    Reports reports = new Reports();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch registered = new CountDownLatch(1);
    try (Watchdog watchdog = Watchdog.newBuilder("real")
        .checkInterval(Duration.ofMillis(20))
        .listener(reports)
        .build()) {
      watchdog.start();
      Thread loopThread = new Thread(() -> {
        // A deadline far above the few instructions between the last heartbeat and the block, so
        // the stall found is the block, even on a loaded machine.
        try (Watchdog.Loop loop = watchdog.register("accept", Duration.ofSeconds(2))) {
          registered.countDown();
          for (int turn = 0; turn < 3; turn++) {
            loop.heartbeat();
          }
          blockOn(release);
          loop.heartbeat();
          awaitQuietly(new CountDownLatch(1), 30); // stay registered until the test has seen recovery
        }
      }, "acceptor-1");
      loopThread.setDaemon(true);
      loopThread.start();
      assertThat(registered.await(30, TimeUnit.SECONDS)).isTrue();

      StallReport stall = reports.stalls.poll(30, TimeUnit.SECONDS);
      assertThat(stall).as("stall reported").isNotNull();
      assertThat(stall.loop()).isEqualTo("accept");
      assertThat(stall.thread()).isEqualTo("acceptor-1");
      assertThat(stall.silentFor()).isGreaterThan(Duration.ofSeconds(2));
      assertThat(stall.stack())
          .anySatisfy(f -> assertThat(f.getMethodName() + " in " + f.getClassName())
              .isEqualTo("blockOn in " + WatchdogTest.class.getName()));
      assertThat(stall.message()).startsWith("STALL loop \"accept\" of watchdog \"real\" sent no heartbeat for ")
          .contains("(deadline 2.0 s); thread \"acceptor-1\" is at:\n\tat ");
      assertThat(watchdog.allHealthy()).isFalse();

      release.countDown();
      StallRecovery recovery = reports.recoveries.poll(30, TimeUnit.SECONDS);
      assertThat(recovery).as("recovery reported").isNotNull();
      assertThat(recovery.loop()).isEqualTo("accept");
      assertThat(recovery.stalledFor()).isGreaterThanOrEqualTo(stall.silentFor());
      assertThat(reports.stalls).as("reported once per stall").isEmpty();
      loopThread.interrupt();
      loopThread.join(TimeUnit.SECONDS.toMillis(30));
    }
  }

  @Test
  void check_manualTicker_reportsWithinDeadlinePlusOneIntervalAndOncePerStall() {
    AtomicLong now = new AtomicLong(1_000 * MS);
    Reports reports = new Reports();
    AtomicInteger notified = new AtomicInteger();
    Watchdog watchdog = Watchdog.newBuilder("manual")
        .ticker(now::get)
        .listener(reports)
        .notifyWhileHealthy(notified::incrementAndGet)
        .build();
    Watchdog.Loop loop = watchdog.register("loop", Duration.ofSeconds(3));
    now.addAndGet(3_000 * MS); // exactly the deadline: not late yet
    watchdog.check();
    assertThat(reports.stalls).isEmpty();
    assertThat(notified).hasValue(1);
    now.addAndGet(500 * MS); // one check interval later: late
    watchdog.check();
    assertThat(reports.stalls).hasSize(1);
    assertThat(reports.stalls.peek().silentFor()).isEqualTo(Duration.ofMillis(3_500));
    assertThat(loop.isStalled()).isTrue();
    now.addAndGet(10_000 * MS);
    watchdog.check();
    watchdog.check();
    assertThat(reports.stalls).as("once per stall").hasSize(1);
    assertThat(notified).as("no keep-alive while a loop is stalled").hasValue(1);

    loop.heartbeat();
    now.addAndGet(100 * MS);
    watchdog.check();
    assertThat(reports.recoveries).hasSize(1);
    assertThat(reports.recoveries.peek().stalledFor()).isEqualTo(Duration.ofMillis(13_600));
    assertThat(loop.isStalled()).isFalse();
    assertThat(notified).hasValue(2);

    now.addAndGet(4_000 * MS); // a second stall is reported again
    watchdog.check();
    assertThat(reports.stalls).hasSize(2);
    loop.close();
    watchdog.check();
    assertThat(watchdog.allHealthy()).isTrue();
    assertThat(notified).hasValue(3);
  }

  @Test
  void callbackPolicy_stall_runsTheCallbackWithTheReport() {
    AtomicLong now = new AtomicLong();
    List<StallReport> called = new ArrayList<>();
    Watchdog watchdog = Watchdog.newBuilder("callback")
        .ticker(now::get)
        .onStall(StallPolicy.callback(called::add))
        .build();
    try (Watchdog.Loop loop = watchdog.register("worker", Duration.ofMillis(10))) {
      now.addAndGet(11 * MS);
      watchdog.check();
      assertThat(called).extracting(StallReport::loop).containsExactly("worker");
      assertThat(loop.isStalled()).isTrue();
    }
  }

  @Test
  void callbackPolicy_failingCallback_isLoggedAndCheckingGoesOn() {
    AtomicLong now = new AtomicLong();
    Reports reports = new Reports();
    Watchdog watchdog = Watchdog.newBuilder("failing")
        .ticker(now::get)
        .listener(reports)
        .onStall(StallPolicy.callback(r -> {
          throw new IllegalStateException("callback bug");
        }))
        .build();
    try (Watchdog.Loop a = watchdog.register("a", Duration.ofMillis(10));
        Watchdog.Loop b = watchdog.register("b", Duration.ofMillis(10))) {
      now.addAndGet(11 * MS);
      watchdog.check();
      assertThat(reports.stalls).extracting(StallReport::loop).containsExactly(a.name(), b.name());
    }
  }

  @Test
  void dumpAllThreads_stall_carriesEveryThreadsStack() {
    AtomicLong now = new AtomicLong();
    Reports reports = new Reports();
    Watchdog watchdog = Watchdog.newBuilder("paranoid")
        .ticker(now::get)
        .dumpAllThreads(true)
        .listener(reports)
        .build();
    try (Watchdog.Loop loop = watchdog.register("loop", Duration.ofMillis(1))) {
      now.addAndGet(2 * MS);
      watchdog.check();
      assertThat(loop.isStalled()).isTrue();
    }
    Map<String, List<StackTraceElement>> all = reports.stalls.peek().allThreads();
    assertThat(all.keySet()).anyMatch(name -> name.startsWith(Thread.currentThread().getName() + " #"));
    assertThat(all.values()).anyMatch(stack -> !stack.isEmpty());
  }

  @Test
  void exitPolicy_stalledLoop_endsTheProcessWithTheCode() throws Exception {
    String javaBin = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = location(Watchdog.class) + File.pathSeparator + location(WatchdogExitChild.class);
    Process child = new ProcessBuilder(javaBin, "-cp", classpath, WatchdogExitChild.class.getName())
        .redirectErrorStream(true)
        .start();
    try (InputStream output = child.getInputStream()) {
      boolean ended = child.waitFor(60, TimeUnit.SECONDS);
      if (!ended) {
        child.destroyForcibly();
      }
      assertThat(ended).as("child ended within 60 s").isTrue();
      String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.exitValue()).as(text).isEqualTo(42);
      assertThat(text)
          .contains("STALL loop \"main-loop\" of watchdog \"child\" sent no heartbeat for ")
          // java.base/ on JDK 25, java.base@17.0.15/ on a JDK 17 whose modules record no hashes
          .containsPattern("at java\\.base(@[0-9.]+)?/java\\.util\\.concurrent\\.CountDownLatch\\.await")
          .contains("watchdog \"child\" ends the process with exit code 42 because loop \"main-loop\" stalled");
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void exitPolicy_listenerThrowsStackOverflowError_stillEndsTheProcessWithTheCode() throws Exception {
    String text = runExitChild("hostile-listener");
    assertThat(text)
        .contains("listener throws on purpose")
        .contains("watchdog \"child\" ends the process with exit code 42 because loop \"main-loop\" stalled");
  }

  /** Runs {@link WatchdogExitChild} with {@code args}; returns its output once it exited with 42. */
  private static String runExitChild(String... args) throws Exception {
    String javaBin = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = location(Watchdog.class) + File.pathSeparator + location(WatchdogExitChild.class);
    List<String> command = new ArrayList<>(List.of(javaBin, "-cp", classpath, WatchdogExitChild.class.getName()));
    command.addAll(List.of(args));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (InputStream output = child.getInputStream()) {
      boolean ended = child.waitFor(60, TimeUnit.SECONDS);
      if (!ended) {
        child.destroyForcibly();
      }
      assertThat(ended).as("child ended within 60 s").isTrue();
      String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.exitValue()).as(text).isEqualTo(42);
      return text;
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void stall_threadThatEnded_isReportedWithoutAStack() throws Exception {
    AtomicLong now = new AtomicLong();
    Reports reports = new Reports();
    Watchdog watchdog = Watchdog.newBuilder("ended").ticker(now::get).listener(reports).build();
    Watchdog.Loop[] loop = new Watchdog.Loop[1];
    Thread worker = new Thread(() -> loop[0] = watchdog.register("worker", Duration.ofMillis(5)), "short-lived");
    worker.start();
    worker.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(worker.isAlive()).isFalse();
    try (Watchdog.Loop registered = loop[0]) {
      now.addAndGet(6 * MS);
      watchdog.check();
      assertThat(registered.isStalled()).isTrue();
    }
    StallReport stall = reports.stalls.poll();
    assertThat(stall.thread()).isEqualTo("short-lived");
    assertThat(stall.stack()).isEmpty();
    assertThat(stall.message()).endsWith("thread \"short-lived\" is at: (the thread has ended)");
  }

  @Test
  void stall_isRecordedAsJfrEvent() throws Exception {
    Path file = Files.createTempFile("stall", ".jfr");
    try {
      AtomicLong now = new AtomicLong();
      try (Recording recording = new Recording()) {
        recording.enable("dev.lifecycle.Stall");
        recording.start();
        Watchdog watchdog = Watchdog.newBuilder("jfr-stall").ticker(now::get).build();
        try (Watchdog.Loop loop = watchdog.register("events", Duration.ofMillis(5))) {
          now.addAndGet(7 * MS);
          watchdog.check();
          assertThat(loop.isStalled()).isTrue();
        }
        recording.stop();
        recording.dump(file);
      }
      List<RecordedEvent> events = new ArrayList<>();
      for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
        if (event.getEventType().getName().equals("dev.lifecycle.Stall")
            && event.getString("watchdog").equals("jfr-stall")) {
          events.add(event);
        }
      }
      assertThat(events).hasSize(1);
      assertThat(events.get(0).getString("loop")).isEqualTo("events");
      assertThat(events.get(0).getDuration("silentFor")).isEqualTo(Duration.ofMillis(7));
      assertThat(events.get(0).getDuration("deadline")).isEqualTo(Duration.ofMillis(5));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void unixDatagram_onThisJdk_isUnsupportedSoSystemdNotifyNeedsNativeCode() {
    assertThatThrownBy(() -> DatagramChannel.open(StandardProtocolFamily.UNIX).close())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void systemdWatchdogTimeout_environment_isReadForThisProcessOnly() {
    assertThat(Watchdog.systemdWatchdogTimeout(Map.of("WATCHDOG_USEC", "3000000"), 7))
        .contains(Duration.ofSeconds(3));
    assertThat(Watchdog.systemdWatchdogTimeout(Map.of("WATCHDOG_USEC", "3000000", "WATCHDOG_PID", "7"), 7))
        .contains(Duration.ofSeconds(3));
    assertThat(Watchdog.systemdWatchdogTimeout(Map.of("WATCHDOG_USEC", "3000000", "WATCHDOG_PID", "8"), 7))
        .isEmpty();
    assertThat(Watchdog.systemdWatchdogTimeout(Map.of("WATCHDOG_USEC", "soon"), 7)).isEmpty();
    assertThat(Watchdog.systemdWatchdogTimeout(Map.of("WATCHDOG_USEC", "0"), 7)).isEmpty();
    assertThat(Watchdog.systemdWatchdogTimeout(Map.of(), 7)).isEmpty();
  }

  @Test
  void lifecycle_badInputAndMisuse_areRejected() {
    assertThatThrownBy(() -> Watchdog.newBuilder(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("watchdog name \"\" is blank; give a name that says what it watches");
    assertThatThrownBy(() -> Watchdog.newBuilder("w").checkInterval(Duration.ZERO))
        .hasMessage("check interval PT0S is under 1 ms; give an interval such as Duration.ofMillis(500)");
    assertThatThrownBy(() -> StallPolicy.exit(0))
        .hasMessage("exit code 0 is not in [1, 255]; give a code the supervisor reads as a failure, e.g. 70");
    assertThatThrownBy(() -> StallPolicy.exit(256)).hasMessageStartingWith("exit code 256 is not in [1, 255]");

    Watchdog watchdog = Watchdog.newBuilder("w").build();
    assertThatThrownBy(() -> watchdog.register("loop", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deadline PT0S of loop \"loop\" is under 1 ms; give the longest a healthy turn of the loop"
            + " may take, e.g. Duration.ofSeconds(3)");
    assertThatThrownBy(() -> watchdog.register(" ", Duration.ofSeconds(1)))
        .hasMessage("loop name \" \" is blank; name the loop");
    Watchdog.Loop loop = watchdog.register("loop", Duration.ofSeconds(1));
    assertThatThrownBy(() -> watchdog.register("loop", Duration.ofSeconds(1)))
        .hasMessage("loop \"loop\" is already registered with watchdog \"w\"; give each loop its own name,"
            + " or close the old one first");
    loop.close();
    loop.close(); // idempotent
    assertThatThrownBy(loop::heartbeat)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("loop \"loop\" of watchdog \"w\" is closed; register it again");
    watchdog.register("loop", Duration.ofSeconds(1)).close(); // the name is free again

    watchdog.start();
    assertThatThrownBy(watchdog::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("watchdog \"w\" was already started; start it once");
    watchdog.close();
    watchdog.close(); // idempotent
    assertThatThrownBy(watchdog::start).hasMessage("watchdog \"w\" is closed; build a new one");
    assertThatThrownBy(() -> watchdog.register("late", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("watchdog \"w\" is closed; build a new one");
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("lifecycle-watchdog-w"));
  }

  /** The frame a stall report must show: the loop's thread blocks here. */
  private static void blockOn(CountDownLatch latch) {
    awaitQuietly(latch, 60);
  }

  private static void awaitQuietly(CountDownLatch latch, long seconds) {
    try {
      latch.await(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String location(Class<?> type) throws IOException {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IOException("cannot locate the classes of " + type, e);
    }
  }
}
