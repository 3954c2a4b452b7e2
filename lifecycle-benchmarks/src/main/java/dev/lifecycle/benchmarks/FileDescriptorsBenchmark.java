package dev.lifecycle.benchmarks;

import dev.lifecycle.core.health.FileDescriptors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one sample of this process's open file descriptors, from the platform MXBean and from
 * {@code /proc/self/fd}, and of reading the limit. The monitor takes one per second.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class FileDescriptorsBenchmark {
  private final FileDescriptors mxBean = FileDescriptors.from(FileDescriptors.Source.MXBEAN);
  private final FileDescriptors procFs = FileDescriptors.from(FileDescriptors.Source.PROC_FS);

  /** Open count through {@code UnixOperatingSystemMXBean}. */
  @Benchmark
  public long openViaMxBean() {
    return mxBean.open().orElse(-1);
  }

  /** Open count by listing {@code /proc/self/fd}. */
  @Benchmark
  public long openViaProcFs() {
    return procFs.open().orElse(-1);
  }

  /** Limit through {@code UnixOperatingSystemMXBean}. */
  @Benchmark
  public long maxViaMxBean() {
    return mxBean.max().orElse(-1);
  }

  /** Limit by parsing {@code /proc/self/limits}. */
  @Benchmark
  public long maxViaProcFs() {
    return procFs.max().orElse(-1);
  }
}
