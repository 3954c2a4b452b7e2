package dev.lifecycle.benchmarks;

import dev.lifecycle.core.DetectionLevel;
import dev.lifecycle.core.ResourceKind;
import dev.lifecycle.core.Tracker;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.io.PrintStream;
import java.lang.ref.Cleaner;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openjdk.jol.info.GraphLayout;

/**
 * Retained bytes per live tracked resource, measured with JOL: the heap reachable from N live
 * wrappers and the tracking structure, minus the same wrappers untracked, divided by N.
 *
 * <p>Run: {@code java -cp lifecycle-benchmarks/target/benchmarks.jar
 * dev.lifecycle.benchmarks.RetainedBytes} with {@code -Djdk.attach.allowAttachSelf
 * -Djol.magicFieldOffset=true} (JOL needs them on JDK 25).
 */
public final class RetainedBytes {
  private static final int N = 100_000;

  /** A wrapper with one field for its tracking handle, the same shape for every tracker. */
  static final class Holder {
    @Nullable Object handle;
  }

  private RetainedBytes() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    PrintStream out = System.out;
    out.printf(Locale.ROOT, "%-28s %10s%n", "tracker (per live resource)", "bytes");
    for (DetectionLevel level :
        List.of(DetectionLevel.SAMPLED, DetectionLevel.FULL, DetectionLevel.PARANOID)) {
      try (Tracker tracker = Tracker.newBuilder().name("jol").level(level).build()) {
        ResourceKind kind = tracker.kind("bench.Resource");
        Object root = stripes(tracker);
        out.printf(
            Locale.ROOT,
            "%-28s %10.2f%n",
            "lifecycle " + level,
            perResource(root, h -> kind.track(h, TrackingBenchmark.RAW)));
      }
    }
    Cleaner cleaner = Cleaner.create();
    AutoCloseable raw = TrackingBenchmark.RAW;
    out.printf(
        Locale.ROOT,
        "%-28s %10.2f%n",
        "jdk Cleaner",
        perResource(cleaner, h -> cleaner.register(h, new TrackingBenchmark.Reclaim(raw))));
    for (ResourceLeakDetector.Level level :
        List.of(ResourceLeakDetector.Level.SIMPLE, ResourceLeakDetector.Level.PARANOID)) {
      ResourceLeakDetector.setLevel(level);
      ResourceLeakDetector<Holder> detector =
          ResourceLeakDetectorFactory.instance().newResourceLeakDetector(Holder.class);
      out.printf(
          Locale.ROOT, "%-28s %10.2f%n", "netty " + level, perResource(detector, detector::track));
    }
  }

  /** The tracker's lists of live handles: its inventory, without its thread. */
  private static Object stripes(Tracker tracker) throws ReflectiveOperationException {
    Field field = Tracker.class.getDeclaredField("stripes");
    field.setAccessible(true);
    return field.get(tracker);
  }

  /**
   * Both graphs hold one tracked resource first, so that what every tracker reaches once (its
   * queue, its thread, the kind) cancels out; the difference is N - 1 tracked resources.
   */
  private static double perResource(Object root, Function<Holder, @Nullable Object> track) {
    List<Holder> untracked = holders();
    untracked.get(0).handle = track.apply(untracked.get(0));
    long before = GraphLayout.parseInstance(untracked, root).totalSize();
    List<Holder> tracked = holders();
    for (Holder holder : tracked) {
      holder.handle = track.apply(holder);
    }
    long after = GraphLayout.parseInstance(untracked, tracked, root).totalSize();
    long holders = GraphLayout.parseInstance(holders()).totalSize(); // N untracked wrappers
    return (after - before - holders) / (double) N;
  }

  private static List<Holder> holders() {
    List<Holder> holders = new ArrayList<>(N);
    for (int i = 0; i < N; i++) {
      holders.add(new Holder());
    }
    return holders;
  }
}
