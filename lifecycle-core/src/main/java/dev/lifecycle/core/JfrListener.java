package dev.lifecycle.core;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import org.jspecify.annotations.Nullable;

/**
 * Commits a JFR event per report: {@code dev.lifecycle.Leak} and {@code dev.lifecycle.LongHold},
 * cheap when no recording is running.
 */
final class JfrListener implements LifecycleListener {
  @Override
  public void onLeak(LeakReport report) {
    LeakEvent event = new LeakEvent();
    if (event.isEnabled()) {
      event.kind = report.kind();
      event.resourceId = report.id();
      event.owner = report.owner();
      event.openedBy = report.thread();
      event.age = report.age().toNanos();
      event.allocationSite = frame(report.allocationSite());
      event.reclaimed = report.reclaimed();
      event.suppressed = report.suppressed();
      event.commit();
    }
  }

  @Override
  public void onLongHold(LongHoldReport report) {
    LongHoldEvent event = new LongHoldEvent();
    if (event.isEnabled()) {
      LiveResource resource = report.resource();
      event.kind = resource.kind();
      event.resourceId = resource.id();
      event.owner = resource.owner();
      event.openedBy = resource.thread();
      event.age = resource.age().toNanos();
      event.threshold = report.threshold().toNanos();
      event.allocationSite = frame(resource.allocationSite());
      event.commit();
    }
  }

  private static String frame(java.util.List<StackTraceElement> stack) {
    StackTraceElement frame = Texts.callerFrame(stack);
    return frame == null ? "" : Texts.frame(frame);
  }

  @Override
  public String toString() {
    return "JFR";
  }

  @Name("dev.lifecycle.Leak")
  @Label("Resource Leak")
  @Category("lifecycle")
  @Description("A tracked resource was garbage-collected without close()")
  @StackTrace(false)
  static final class LeakEvent extends Event {
    @Label("Kind")
    @Nullable String kind;

    @Label("Resource")
    @Nullable String resourceId;

    @Label("Owner Scope")
    @Nullable String owner;

    @Label("Opened by Thread")
    @Nullable String openedBy;

    @Label("Age")
    @Timespan(Timespan.NANOSECONDS)
    long age;

    @Label("Allocation Site")
    @Nullable String allocationSite;

    @Label("Reclaimed")
    boolean reclaimed;

    @Label("Suppressed Similar Leaks")
    long suppressed;
  }

  @Name("dev.lifecycle.LongHold")
  @Label("Resource Held Too Long")
  @Category("lifecycle")
  @Description("A tracked resource has been open longer than its kind's hold threshold")
  @StackTrace(false)
  static final class LongHoldEvent extends Event {
    @Label("Kind")
    @Nullable String kind;

    @Label("Resource")
    @Nullable String resourceId;

    @Label("Owner Scope")
    @Nullable String owner;

    @Label("Opened by Thread")
    @Nullable String openedBy;

    @Label("Age")
    @Timespan(Timespan.NANOSECONDS)
    long age;

    @Label("Threshold")
    @Timespan(Timespan.NANOSECONDS)
    long threshold;

    @Label("Allocation Site")
    @Nullable String allocationSite;
  }
}
