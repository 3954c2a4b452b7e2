package dev.lifecycle.netty;

import dev.lifecycle.core.LeakReport;
import dev.lifecycle.core.LifecycleListener;
import dev.lifecycle.core.Masking;
import dev.lifecycle.core.internal.Require;
import dev.lifecycle.core.internal.UserCode;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes Netty's own {@link ResourceLeakDetector} reports (a {@code ByteBuf} garbage-collected
 * without {@code release()}, for one) to lifecycle's listeners, as {@link LeakReport}s of kind
 * {@code netty.<type>} ({@code netty.ByteBuf}), so that one listener sees every leak of the
 * process. Netty still logs each report as it always did.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   NettyLeakReports.addListener(LoggingListener.create()); // before the first buffer is allocated
 *   ...
 * }
 * }</pre>
 *
 * <p><b>When it takes effect.</b> Netty creates each detector once, when the class that owns it is
 * initialized ({@code ByteBuf}'s when the first buffer is allocated). The first {@link
 * #addListener} installs a detector factory, which covers every detector created afterwards;
 * {@link #covers} says whether {@code ByteBuf}'s is one of them. For a detector created before (a
 * library that allocated buffers in a static initializer), start the JVM with {@code
 * -Dio.netty.customResourceLeakDetector=dev.lifecycle.netty.RoutedLeakDetector}: Netty then creates
 * every detector as one of ours, whatever the order.
 *
 * <p>What Netty knows goes into the report: its access records (at {@code ADVANCED} and {@code
 * PARANOID} levels) as {@link LeakReport#accessRecords}, the frames of the "Created at" record as
 * {@link LeakReport#allocationSite}. Netty records neither the time nor the thread of the
 * allocation: the report's {@code createdAt} is the time of the report, its age zero and its
 * thread {@code "unknown"}. Netty does not reclaim a leaked buffer. Each distinct leak is reported
 * once (Netty's de-duplication), masked like every lifecycle report.
 *
 * <p>Thread-safe; listeners are called on the thread that allocated the buffer whose tracking found
 * the leak, so they must return quickly (see {@link LifecycleListener}).
 */
public final class NettyLeakReports {
  private static final CopyOnWriteArrayList<LifecycleListener> LISTENERS = new CopyOnWriteArrayList<>();
  private static final AtomicBoolean INSTALLED = new AtomicBoolean();
  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final AtomicBoolean BYTE_BUF_COVERED = new AtomicBoolean();
  private static final Pattern FRAME = Pattern.compile("^\\s+(?:at\\s+)?([\\w$.<>/]+)\\.([\\w$<>]+)\\((.*)\\)\\s*$");

  private NettyLeakReports() {}

  /**
   * Delivers Netty's leak reports to {@code listener} from now on; the first call installs the
   * detector factory (see the type's documentation). Adding a listener twice delivers twice.
   */
  public static void addListener(LifecycleListener listener) {
    LISTENERS.add(Require.nonNull(listener, "listener"));
    if (!INSTALLED.getAndSet(true)) {
      ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new Factory());
    }
  }

  /** Stops delivering to {@code listener}; true if it was added. */
  public static boolean removeListener(LifecycleListener listener) {
    return LISTENERS.remove(Require.nonNull(listener, "listener"));
  }

  /**
   * Whether {@code ByteBuf}'s detector is one that routes its reports: false when buffers were
   * allocated before the first {@link #addListener} and the JVM was not started with the property
   * of the type's documentation. Initializes Netty's buffer classes.
   */
  public static boolean covers() {
    io.netty.buffer.ByteBuf probe = io.netty.buffer.Unpooled.buffer(1);
    boolean unused = probe.release();
    return BYTE_BUF_COVERED.get();
  }

  static void created(String resourceType) {
    if ("ByteBuf".equals(resourceType)) {
      BYTE_BUF_COVERED.set(true);
    }
  }

  static boolean listening() {
    return !LISTENERS.isEmpty();
  }

  /** One of Netty's reports, of a leak of {@code resourceType}; {@code records} empty if untraced. */
  static void report(String resourceType, String records) {
    if (LISTENERS.isEmpty()) {
      return;
    }
    String kind = "netty." + resourceType;
    List<String> access = new ArrayList<>();
    List<StackTraceElement> created = new ArrayList<>();
    parse(records, access, created);
    LeakReport report =
        new LeakReport(
            kind,
            kind + "#" + Long.toHexString(SEQUENCE.incrementAndGet()),
            "release() was not called before it was garbage-collected (Netty's leak detector)",
            null,
            Instant.now(),
            Duration.ZERO,
            "unknown",
            created,
            access,
            false,
            "not reclaimed: Netty does not reclaim a leaked buffer, release it on every path",
            0);
    UserCode.fanOut(LISTENERS, "leak", listener -> listener.onLeak(report));
  }

  /**
   * Netty's records text: {@code "\nRecent access records: \n#1:\n\tframe\n...\nCreated at:\n\tframe..."}.
   * Each {@code #n} record goes to {@code access}, masked; the frames of "Created at" to {@code
   * created}, from the first that is not Netty's own on.
   */
  static void parse(String records, List<String> access, List<StackTraceElement> created) {
    StringBuilder current = null;
    boolean inCreated = false;
    for (String line : records.split("\n", -1)) {
      String trimmed = line.trim();
      if ((trimmed.startsWith("#") && trimmed.endsWith(":")) || trimmed.startsWith("Created at:")) {
        if (current != null) {
          access.add(Masking.mask(current.toString().trim()));
        }
        inCreated = trimmed.startsWith("Created at:");
        current = inCreated ? null : new StringBuilder(trimmed);
        continue;
      }
      if (inCreated) {
        StackTraceElement frame = frame(line);
        // Netty's allocator frames come first; the site starts at the code that allocated
        if (frame != null && !(created.isEmpty() && frame.getClassName().startsWith("io.netty."))) {
          created.add(frame);
        }
      } else if (current != null && !trimmed.isEmpty()) {
        current.append('\n').append(trimmed);
      }
    }
    if (current != null) {
      access.add(Masking.mask(current.toString().trim()));
    }
  }

  private static @org.jspecify.annotations.Nullable StackTraceElement frame(String line) {
    Matcher m = FRAME.matcher(line);
    if (!m.matches()) {
      return null;
    }
    String location = m.group(3);
    String file = null;
    int number = -1;
    int colon = location.lastIndexOf(':');
    if (colon > 0) {
      file = location.substring(0, colon);
      try {
        number = Integer.parseInt(location.substring(colon + 1));
      } catch (NumberFormatException e) {
        file = location;
      }
    } else if (!location.isEmpty()) {
      file = location;
    }
    String type = m.group(1);
    int slash = type.lastIndexOf('/'); // "module@version/type"
    return new StackTraceElement(type.substring(slash + 1), m.group(2), file, number);
  }

  /** Creates every detector as a {@link RoutedLeakDetector}. */
  private static final class Factory extends ResourceLeakDetectorFactory {
    @Override
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval) {
      return new RoutedLeakDetector<>(resource, samplingInterval);
    }

    // Netty still declares this three-argument variant abstract while deprecating it (its maxActive
    // is ignored): a factory must implement it to exist at all. It delegates to the one above.
    @SuppressWarnings("deprecation")
    @Override
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(
        Class<T> resource, int samplingInterval, long maxActive) {
      return newResourceLeakDetector(resource, samplingInterval);
    }
  }
}
