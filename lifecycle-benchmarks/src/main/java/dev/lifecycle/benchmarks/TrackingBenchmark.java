package dev.lifecycle.benchmarks;

import dev.lifecycle.core.DetectionLevel;
import dev.lifecycle.core.ResourceKind;
import dev.lifecycle.core.Tracked;
import dev.lifecycle.core.Tracker;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import io.netty.util.ResourceLeakTracker;
import java.lang.ref.Cleaner;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost per tracked resource (create, register, close) at each detection level, next to the floor
 * (a bare AutoCloseable), a bare {@link Cleaner} register + clean, Netty's {@code
 * ResourceLeakDetector} at SIMPLE and PARANOID, and one stack capture. Each benchmark runs in its
 * own fork, so Netty's process-wide level is set per benchmark. {@link Tracking1Benchmark} and
 * {@link Tracking2Benchmark} run the same methods on 1 and 2 threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class TrackingBenchmark {
  /** What a leak would reclaim; releases nothing, so only tracking is measured. */
  static final AutoCloseable RAW = () -> {};

  /** A Cleaner action as users write one: it holds the raw resource and closes it. */
  static final class Reclaim implements Runnable {
    private final AutoCloseable raw;

    Reclaim(AutoCloseable raw) {
      this.raw = raw;
    }

    @Override
    public void run() {
      try {
        raw.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot close " + raw, e);
      }
    }
  }

  /** A wrapper written as lifecycle's javadoc shows. */
  static final class Wrapper implements AutoCloseable {
    private final Tracked tracked;
    boolean closed;

    Wrapper(ResourceKind kind) {
      this.tracked = kind.track(this, RAW);
    }

    @Override
    public void close() {
      if (tracked.close()) {
        closed = true;
      }
    }
  }

  /** A tracker at one level, without listeners. */
  abstract static class Level {
    final Tracker tracker;
    final ResourceKind kind;

    Level(DetectionLevel level) {
      tracker = Tracker.newBuilder().name("bench-" + level).level(level).build();
      kind = tracker.kind("bench.Resource");
    }

    @TearDown
    public void stop() {
      tracker.close();
    }
  }

  @State(Scope.Benchmark)
  public static class Off extends Level {
    public Off() {
      super(DetectionLevel.OFF);
    }
  }

  @State(Scope.Benchmark)
  public static class Sampled extends Level {
    public Sampled() {
      super(DetectionLevel.SAMPLED);
    }
  }

  @State(Scope.Benchmark)
  public static class Full extends Level {
    public Full() {
      super(DetectionLevel.FULL);
    }
  }

  @State(Scope.Benchmark)
  public static class JdkCleaner {
    final Cleaner cleaner = Cleaner.create();
  }

  /** Netty's detector at one process-wide level. */
  abstract static class Netty {
    final ResourceLeakDetector<FloorBenchmark.Bare> detector;

    Netty(ResourceLeakDetector.Level level) {
      ResourceLeakDetector.setLevel(level);
      detector =
          ResourceLeakDetectorFactory.instance().newResourceLeakDetector(FloorBenchmark.Bare.class);
    }
  }

  @State(Scope.Benchmark)
  public static class NettySimple extends Netty {
    public NettySimple() {
      super(ResourceLeakDetector.Level.SIMPLE);
    }
  }

  @State(Scope.Benchmark)
  public static class NettyParanoid extends Netty {
    public NettyParanoid() {
      super(ResourceLeakDetector.Level.PARANOID);
    }
  }

  @Benchmark
  public boolean floor() {
    FloorBenchmark.Bare resource = new FloorBenchmark.Bare();
    resource.close();
    return resource.closed;
  }

  @Benchmark
  public boolean lifecycleOff(Off level) {
    Wrapper wrapper = new Wrapper(level.kind);
    wrapper.close();
    return wrapper.closed;
  }

  /**
   * The floor when the resource escapes the method that opens it (kept in a field, a pool, a
   * collection), so that it is allocated: {@link #floor} is scalar-replaced.
   */
  @Benchmark
  public boolean floorEscaping(Blackhole hole) {
    FloorBenchmark.Bare resource = new FloorBenchmark.Bare();
    hole.consume(resource);
    resource.close();
    return resource.closed;
  }

  /** {@link #lifecycleOff} when the wrapper escapes: the handle is allocated and its monitor taken. */
  @Benchmark
  public boolean lifecycleOffEscaping(Off level, Blackhole hole) {
    Wrapper wrapper = new Wrapper(level.kind);
    hole.consume(wrapper);
    wrapper.close();
    return wrapper.closed;
  }

  @Benchmark
  public boolean lifecycleSampled(Sampled level) {
    Wrapper wrapper = new Wrapper(level.kind);
    wrapper.close();
    return wrapper.closed;
  }

  @Benchmark
  public boolean lifecycleFull(Full level) {
    Wrapper wrapper = new Wrapper(level.kind);
    wrapper.close();
    return wrapper.closed;
  }

  @Benchmark
  public boolean jdkCleaner(JdkCleaner state) {
    FloorBenchmark.Bare resource = new FloorBenchmark.Bare();
    Cleaner.Cleanable cleanable = state.cleaner.register(resource, new Reclaim(RAW));
    cleanable.clean();
    resource.close();
    return resource.closed;
  }

  @Benchmark
  public boolean nettySimple(NettySimple state) {
    return netty(state);
  }

  @Benchmark
  public boolean nettyParanoid(NettyParanoid state) {
    return netty(state);
  }

  private static boolean netty(Netty state) {
    FloorBenchmark.Bare resource = new FloorBenchmark.Bare();
    ResourceLeakTracker<FloorBenchmark.Bare> tracker = state.detector.track(resource);
    if (tracker != null) {
      tracker.close(resource);
    }
    resource.close();
    return resource.closed;
  }

  /** One allocation stack captured, not materialised: what FULL pays per resource at least. */
  @Benchmark
  public Throwable stackCapture() {
    return new Throwable();
  }
}
