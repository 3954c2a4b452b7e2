package dev.lifecycle.testing;

import dev.lifecycle.core.Attribution;
import dev.lifecycle.core.LiveResource;
import dev.lifecycle.core.health.FileDescriptors;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * One leak-checked test from before to after: what was live when it started, what it opened, and
 * whether another checked test ran at the same time.
 */
final class Window {
  /** The windows open now, in this JVM; guarded by itself. */
  private static final Set<Window> RUNNING = new HashSet<>();

  /** The window of the test whose thread (or an ancestor thread) created the current thread. */
  private static final InheritableThreadLocal<@Nullable Window> CREATOR =
      new InheritableThreadLocal<>() {
        @Override
        protected @Nullable Window childValue(@Nullable Window parent) {
          if (parent != null) {
            parent.threadsCreated.incrementAndGet(); // a thread is being created under the test
          }
          return parent;
        }
      };

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final String label;
  private final @Nullable Class<?> testClass;
  private final CheckSettings settings;
  private final Set<Thread> threadsBefore;
  private final long fdBefore;
  private final @Nullable Window previousCreator;
  private final AtomicInteger threadsCreated = new AtomicInteger();
  /** Null when the test's resources are not checked: then nothing is recorded for it either. */
  private final @Nullable Attribution attribution;
  private boolean overlapped; // guarded by RUNNING

  private Window(String label, @Nullable Class<?> testClass, CheckSettings settings) {
    this.label = label;
    this.testClass = testClass;
    this.settings = settings;
    this.threadsBefore =
        settings.threads() ? new HashSet<>(Thread.getAllStackTraces().keySet()) : Set.of();
    this.fdBefore = settings.fileDescriptors() ? FileDescriptors.system().open().orElse(-1) : -1;
    this.previousCreator = CREATOR.get();
    CREATOR.set(this);
    this.attribution = settings.resources() ? Attribution.begin(label) : null;
  }

  /** Starts the window of one test on the calling thread, the test's. */
  static Window open(String label, @Nullable Class<?> testClass, CheckSettings settings) {
    Window window = new Window(label, testClass, settings);
    synchronized (RUNNING) {
      for (Window other : RUNNING) {
        other.overlapped = true;
        window.overlapped = true;
      }
      RUNNING.add(window);
    }
    return window;
  }

  /**
   * Ends the window on the test's thread: waits up to the grace period for what the test left
   * behind to go away, and returns the failure message, or null if nothing was left.
   */
  @Nullable String close() {
    if (attribution != null) {
      attribution.close();
    }
    CREATOR.set(previousCreator);
    long deadline = System.nanoTime() + settings.grace().toNanos();
    Findings findings = findings();
    while (findings.worthWaiting() && System.nanoTime() - deadline < 0) {
      System.gc();
      LockSupport.parkNanos(POLL_NANOS);
      findings = findings();
    }
    boolean others;
    synchronized (RUNNING) {
      RUNNING.remove(this);
      others = overlapped;
    }
    return findings.message(others);
  }

  private Findings findings() {
    List<LiveResource> open = attribution != null ? attribution.open() : List.of();
    List<LiveResource> leaked = attribution != null ? attribution.leaked() : List.of();
    long fdNow = fdBefore < 0 ? -1 : FileDescriptors.system().open().orElse(-1);
    Map<Thread, StackTraceElement[]> threads = settings.threads() ? newThreads() : Map.of();
    return new Findings(open, leaked, fdNow, threads);
  }

  private Map<Thread, StackTraceElement[]> newThreads() {
    if (threadsCreated.get() == 0) {
      return Map.of(); // this test created no thread: none of the new ones is its own
    }
    Map<Thread, StackTraceElement[]> alive = new java.util.LinkedHashMap<>();
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      Thread thread = e.getKey();
      if (thread.isAlive()
          && !threadsBefore.contains(thread)
          && !(thread instanceof ForkJoinWorkerThread)
          && !settings.allowed(thread.getName())) {
        alive.put(thread, e.getValue());
      }
    }
    return alive;
  }

  /** What one look after the test found. */
  private final class Findings {
    final List<LiveResource> open;
    final List<LiveResource> leaked;
    final long fdNow;
    final Map<Thread, StackTraceElement[]> threads;

    Findings(
        List<LiveResource> open,
        List<LiveResource> leaked,
        long fdNow,
        Map<Thread, StackTraceElement[]> threads) {
      this.open = open;
      this.leaked = leaked;
      this.fdNow = fdNow;
      this.threads = threads;
    }

    boolean fdGrew() {
      return fdBefore >= 0 && fdNow >= 0 && fdNow - fdBefore > settings.fdTolerance();
    }

    /** Whether waiting (and collecting) may still change the verdict. */
    boolean worthWaiting() {
      return !open.isEmpty() || fdGrew() || !threads.isEmpty();
    }

    @Nullable String message(boolean others) {
      if (open.isEmpty() && leaked.isEmpty() && !fdGrew() && threads.isEmpty()) {
        return null;
      }
      StringBuilder text = new StringBuilder("leak check failed for ").append(label).append(':');
      String waited = Describe.duration(settings.grace());
      if (!open.isEmpty()) {
        text.append("\n  ")
            .append(open.size())
            .append(" tracked resource(s) opened in the test still open ")
            .append(waited)
            .append(" after it:");
        Describe.resources(text, open, testClass);
      }
      if (!leaked.isEmpty()) {
        text.append("\n  ")
            .append(leaked.size())
            .append(" tracked resource(s) opened in the test were garbage-collected without close():");
        Describe.resources(text, leaked, testClass);
      }
      if (fdGrew()) {
        text.append("\n  ")
            .append(fdNow - fdBefore)
            .append(" more open file descriptor(s) than before the test (")
            .append(fdBefore)
            .append(" -> ")
            .append(fdNow)
            .append(", tolerance ")
            .append(settings.fdTolerance())
            .append(')');
        if (others) {
          text.append(
              "; the count is process-wide and other leak-checked tests ran at the same time, so"
                  + " this check cannot tell whose they are: run this test @Isolated, or turn the"
                  + " check off with @LeakChecked(fileDescriptors = false)");
        }
      }
      if (!threads.isEmpty()) {
        text.append("\n  ")
            .append(threads.size())
            .append(" thread(s) started during the test still alive ")
            .append(waited)
            .append(" after it");
        if (others) {
          text.append(
              " (other leak-checked tests ran at the same time; some may be theirs: run this test"
                  + " @Isolated for an exact check)");
        }
        text.append(':');
        for (Map.Entry<Thread, StackTraceElement[]> e : threads.entrySet()) {
          Thread thread = e.getKey();
          text.append("\n    \"")
              .append(thread.getName())
              .append("\" ")
              .append(thread.getState())
              .append(thread.isDaemon() ? ", daemon" : "");
          Describe.frames(text, List.of(e.getValue()));
        }
        text.append(
            "\n  stop them in the test, or allow them: @LeakChecked(allowedThreads = \"name-.*\")");
      }
      return text.toString();
    }
  }
}
