package dev.lifecycle.core.health;

import dev.lifecycle.core.internal.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A loop registered with a {@link Watchdog} missed its heartbeat deadline. Reported once per stall.
 *
 * @param watchdog the watchdog's name
 * @param loop the loop's name
 * @param thread the name of the thread that sent the loop's last heartbeat (or registered it)
 * @param deadline the loop's deadline
 * @param silentFor how long the loop had been silent when the stall was found
 * @param stack that thread's stack when the stall was found, innermost frame first (empty if the
 *     thread has ended)
 * @param allThreads every live thread's stack by thread name, when the watchdog dumps all threads;
 *     empty otherwise
 * @param at when the stall was found
 */
public record StallReport(
    String watchdog,
    String loop,
    String thread,
    Duration deadline,
    Duration silentFor,
    List<StackTraceElement> stack,
    Map<String, List<StackTraceElement>> allThreads,
    Instant at) {

  /** Copies the lists and maps so the report cannot change. */
  public StallReport {
    stack = List.copyOf(stack);
    allThreads = Map.copyOf(allThreads);
  }

  /** The report as text: one summary line, then the stalled thread's stack. */
  public String message() {
    StringBuilder text =
        new StringBuilder("STALL loop \"")
            .append(loop)
            .append("\" of watchdog \"")
            .append(watchdog)
            .append("\" sent no heartbeat for ")
            .append(Durations.approx(silentFor))
            .append(" (deadline ")
            .append(Durations.approx(deadline))
            .append("); thread \"")
            .append(thread)
            .append("\" is at:");
    if (stack.isEmpty()) {
      text.append(" (the thread has ended)");
    }
    for (StackTraceElement frame : stack) {
      text.append("\n\tat ").append(frame);
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return message();
  }
}
