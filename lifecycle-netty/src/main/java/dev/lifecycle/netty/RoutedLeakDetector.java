package dev.lifecycle.netty;

import io.netty.util.ResourceLeakDetector;

/**
 * A Netty {@link ResourceLeakDetector} that logs as Netty's does and also hands every report to
 * {@link NettyLeakReports}' listeners. Public only so that Netty can create it by name: start the
 * JVM with {@code -Dio.netty.customResourceLeakDetector=dev.lifecycle.netty.RoutedLeakDetector}
 * for every detector to be one, whatever the class initialization order; {@link
 * NettyLeakReports#addListener} installs it otherwise. Thread-safe.
 *
 * @param <T> the type of resource it tracks
 */
public final class RoutedLeakDetector<T> extends ResourceLeakDetector<T> {
  private final String type;

  /** The constructor Netty calls: a detector of {@code resourceType}, sampling one in {@code samplingInterval}. */
  public RoutedLeakDetector(Class<?> resourceType, int samplingInterval) {
    super(resourceType, samplingInterval);
    this.type = resourceType.getSimpleName();
    NettyLeakReports.created(type);
  }

  /** Netty reports only if its logger is on at ERROR; ours reports whenever a listener is added too. */
  @Override
  protected boolean needReport() {
    return NettyLeakReports.listening() || super.needReport();
  }

  @Override
  protected void reportTracedLeak(String resourceType, String records) {
    super.reportTracedLeak(resourceType, records);
    NettyLeakReports.report(type, records);
  }

  @Override
  protected void reportUntracedLeak(String resourceType) {
    super.reportUntracedLeak(resourceType);
    NettyLeakReports.report(type, "");
  }
}
