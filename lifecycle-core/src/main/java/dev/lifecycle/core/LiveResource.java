package dev.lifecycle.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One open tracked resource, as {@link Tracker#snapshot()} shows it.
 *
 * <p>Immutable; the description is masked.
 *
 * @param kind the resource's kind
 * @param id the resource's id, {@code kind#hex}
 * @param description what it is connected to, masked, or {@code null}
 * @param owner the path of the scope that owns it, or {@code null}
 * @param createdAt when it was opened
 * @param age how long it has been open
 * @param thread the name of the thread that opened it
 * @param allocationSite where it was opened, innermost frame first; empty when not captured
 */
public record LiveResource(
    String kind,
    String id,
    @Nullable String description,
    @Nullable String owner,
    Instant createdAt,
    Duration age,
    String thread,
    List<StackTraceElement> allocationSite) {

  /** Copies the list; rejects null components that must not be null. */
  public LiveResource {
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(createdAt, "createdAt must not be null");
    Objects.requireNonNull(age, "age must not be null");
    Objects.requireNonNull(thread, "thread must not be null");
    allocationSite = List.copyOf(allocationSite);
  }

  /** One line: id, description, owner, age, thread and where it was opened. */
  public String summary() {
    StringBuilder line = new StringBuilder(id);
    Texts.appendDetails(line, description, owner);
    line.append(" open for ").append(Texts.age(age)).append(", opened on thread ").append(thread);
    StackTraceElement site = Texts.callerFrame(allocationSite);
    if (site != null) {
      line.append(" at ").append(Texts.frame(site));
    }
    return line.toString();
  }

  @Override
  public String toString() {
    return summary();
  }
}
