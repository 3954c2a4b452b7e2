package dev.lifecycle.core.health;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** JFR event {@code dev.lifecycle.Stall}: a loop of a {@link Watchdog} missed its deadline. */
@Name("dev.lifecycle.Stall")
@Label("Stall")
@Category({"Lifecycle", "Health"})
@Description("A loop registered with a watchdog sent no heartbeat within its deadline")
@StackTrace(false)
final class StallEvent extends jdk.jfr.Event {
  @Label("Watchdog")
  String watchdog = "";

  @Label("Loop")
  String loop = "";

  @Label("Thread")
  String thread = "";

  @Label("Silent For")
  @Timespan(Timespan.NANOSECONDS)
  long silentFor;

  @Label("Deadline")
  @Timespan(Timespan.NANOSECONDS)
  long deadline;

  static void commit(StallReport report) {
    StallEvent event = new StallEvent();
    if (!event.isEnabled()) {
      return;
    }
    event.watchdog = report.watchdog();
    event.loop = report.loop();
    event.thread = report.thread();
    event.silentFor = report.silentFor().toNanos();
    event.deadline = report.deadline().toNanos();
    event.commit();
  }
}
