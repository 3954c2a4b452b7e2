package dev.lifecycle.core.health;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.lifecycle.core.internal.ProcFs;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The open and maximum file-descriptor counts of this process.
 *
 * <p>The figures come from the platform's {@code com.sun.management.UnixOperatingSystemMXBean}
 * where the JVM has one, from Linux's {@code /proc/self/fd} and {@code /proc/self/limits} where it
 * does not, and are absent elsewhere: a reader that cannot know answers an empty {@link
 * OptionalLong}, never a wrong number. Either way one sample lists {@code /proc/self/fd} on Linux:
 * about 5 µs through the MXBean and 14 µs through {@code /proc} with the few descriptors of a fresh JVM
 * (see {@code BENCHMARKS.md}), growing with the count; sampling every second is cheap.
 *
 * <p><b>Which limit.</b> The maximum is the limit the running JVM reports. HotSpot raises the
 * process's soft {@code RLIMIT_NOFILE} to the hard limit at start-up (unless started with {@code
 * -XX:-MaxFDLimit}), so the figure is usually the hard limit, not what {@code ulimit -n} printed in
 * the shell that started the JVM. That raised limit is the one the process hits.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FileDescriptors {
  /** Where the figures come from. */
  public enum Source {
    /** The platform's {@code UnixOperatingSystemMXBean}. */
    MXBEAN,
    /** Linux's {@code /proc/self/fd} and {@code /proc/self/limits}. */
    PROC_FS,
    /** Nowhere: this platform offers neither; every figure is absent. */
    UNSUPPORTED
  }

  private static final FileDescriptors SYSTEM = detect();

  private final Source source;
  private final @Nullable UnixOperatingSystemMXBean bean;

  private FileDescriptors(Source source, @Nullable UnixOperatingSystemMXBean bean) {
    this.source = source;
    this.bean = bean;
  }

  /** The best reader this platform offers: the MXBean, else {@code /proc}, else unsupported. */
  public static FileDescriptors system() {
    return SYSTEM;
  }

  /**
   * A reader that takes its figures from {@code source} only.
   *
   * @throws UnsupportedOperationException if {@code source} is not available on this platform
   */
  public static FileDescriptors from(Source source) {
    return switch (source) {
      case MXBEAN -> {
        UnixOperatingSystemMXBean bean = unixBean();
        if (bean == null) {
          throw new UnsupportedOperationException(
              "this JVM has no UnixOperatingSystemMXBean (os "
                  + System.getProperty("os.name")
                  + "); use FileDescriptors.system(), which falls back to /proc or answers unsupported");
        }
        yield new FileDescriptors(Source.MXBEAN, bean);
      }
      case PROC_FS -> {
        if (!ProcFs.available()) {
          throw new UnsupportedOperationException(
              "/proc/self/fd is not readable here (os "
                  + System.getProperty("os.name")
                  + "); use FileDescriptors.system(), which uses the MXBean or answers unsupported");
        }
        yield new FileDescriptors(Source.PROC_FS, null);
      }
      case UNSUPPORTED -> new FileDescriptors(Source.UNSUPPORTED, null);
    };
  }

  /** Where this reader's figures come from. */
  public Source source() {
    return source;
  }

  /** Whether this reader can give figures at all. */
  public boolean isSupported() {
    return source != Source.UNSUPPORTED;
  }

  /** The number of file descriptors this process has open now, or empty when it cannot be read. */
  public OptionalLong open() {
    long count;
    if (bean != null) {
      count = bean.getOpenFileDescriptorCount();
    } else if (source == Source.PROC_FS) {
      count = ProcFs.countOpen(ProcFs.SELF_FD);
    } else {
      count = -1;
    }
    return count < 0 ? OptionalLong.empty() : OptionalLong.of(count);
  }

  /**
   * The most file descriptors this process may have open (the soft limit the running JVM reports,
   * see the type's documentation), or empty when it cannot be read.
   */
  public OptionalLong max() {
    long max;
    if (bean != null) {
      max = bean.getMaxFileDescriptorCount();
    } else if (source == Source.PROC_FS) {
      max = ProcFs.softFileLimit(ProcFs.SELF_LIMITS);
    } else {
      max = -1;
    }
    return max <= 0 ? OptionalLong.empty() : OptionalLong.of(max);
  }

  @Override
  public String toString() {
    return "FileDescriptors[" + source + ", open " + figure(open()) + ", max " + figure(max()) + "]";
  }

  /** The number, or {@code unknown}: never {@code OptionalLong[19]}. */
  private static String figure(OptionalLong value) {
    return value.isPresent() ? Long.toString(value.getAsLong()) : "unknown";
  }

  private static FileDescriptors detect() {
    UnixOperatingSystemMXBean bean = unixBean();
    if (bean != null) {
      return new FileDescriptors(Source.MXBEAN, bean);
    }
    if (ProcFs.available()) {
      return new FileDescriptors(Source.PROC_FS, null);
    }
    return new FileDescriptors(Source.UNSUPPORTED, null);
  }

  private static @Nullable UnixOperatingSystemMXBean unixBean() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof UnixOperatingSystemMXBean unix ? unix : null;
  }
}
