package dev.lifecycle.core.health;

import java.time.Duration;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR event {@code dev.lifecycle.HealthAlarm}: one {@link HealthAlarm}, committed as it is raised. */
@Name("dev.lifecycle.HealthAlarm")
@Label("Health Alarm")
@Category({"Lifecycle", "Health"})
@Description("A gauge crossed a watermark, or its trend's time to the limit crossed a horizon")
@StackTrace(false)
final class HealthAlarmEvent extends jdk.jfr.Event {
  @Label("Monitor")
  String monitor = "";

  @Label("Gauge")
  String gauge = "";

  @Label("Kind")
  String kind = "";

  @Label("Level")
  String level = "";

  @Label("Previous Level")
  String previous = "";

  @Label("Value")
  long value;

  @Label("Limit")
  long limit;

  @Label("Slope per Day")
  double slopePerDay;

  @Label("R Squared")
  double rSquared;

  @Label("Seconds to Limit")
  @Description("-1 when the trend does not reach the limit")
  long secondsToLimit;

  @Label("Message")
  String message = "";

  static void commit(HealthAlarm alarm) {
    HealthAlarmEvent event = new HealthAlarmEvent();
    if (!event.isEnabled()) {
      return;
    }
    event.monitor = alarm.monitor();
    event.gauge = alarm.gauge();
    event.kind = alarm.kind().name();
    event.level = alarm.level().name();
    event.previous = alarm.previous().name();
    event.value = alarm.value();
    event.limit = alarm.limit();
    event.slopePerDay = alarm.slopePerDay();
    event.rSquared = alarm.rSquared();
    event.secondsToLimit = alarm.timeToLimit().map(Duration::toSeconds).orElse(-1L);
    event.message = alarm.message();
    event.commit();
  }
}
