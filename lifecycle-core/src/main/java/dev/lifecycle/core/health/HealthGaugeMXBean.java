package dev.lifecycle.core.health;

/**
 * The current figures and estimates of one gauge of a {@link HealthMonitor}, as JMX attributes. A
 * started monitor registers one per gauge as {@code dev.lifecycle:type=HealthMonitor,name="<monitor>",gauge="<gauge>"}
 * and unregisters it on close. Figures are those of the latest sample; they are safe to read from
 * any thread.
 */
public interface HealthGaugeMXBean {
  /** The monitor's name. */
  String getMonitor();

  /** The gauge's name. */
  String getGauge();

  /** The latest value, or -1 before the first sample. */
  long getValue();

  /** The latest limit, or -1 before the first sample. */
  long getLimit();

  /** Value ÷ limit at the latest sample, 0 before it. */
  double getUsage();

  /** The watermark level: {@code NORMAL}, {@code WARN} or {@code CRITICAL}. */
  String getWatermarkLevel();

  /** The horizon level: {@code NORMAL}, {@code WARN} or {@code CRITICAL}. */
  String getHorizonLevel();

  /** Growth per hour over the raw window (the last hour by default). */
  double getSlopePerHour();

  /** Growth per day of the peak trend (daily peaks by default). */
  double getPeakSlopePerDay();

  /** How well a line explains the peak trend, in [0, 1]. */
  double getPeakRSquared();

  /** How many points the peak trend has. */
  int getPeakPoints();

  /** Seconds until the trusted peak trend reaches the limit, or -1 when it does not grow. */
  long getSecondsToLimit();
}
