package dev.lifecycle.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What is open right now and who opened it: every live tracked resource, oldest first. Immutable;
 * {@link #toString()} prints it for a person.
 *
 * @param takenAt when the snapshot was taken
 * @param resources the open resources, oldest first
 */
public record Snapshot(Instant takenAt, List<LiveResource> resources) {
  /** Copies the list. */
  public Snapshot {
    Objects.requireNonNull(takenAt, "takenAt must not be null");
    resources = List.copyOf(resources);
  }

  /** The resources of {@code kind}, oldest first. */
  public List<LiveResource> ofKind(String kind) {
    return resources.stream().filter(r -> r.kind().equals(kind)).toList();
  }

  /** A header line, then one line per resource with its allocation stack indented below it. */
  @Override
  public String toString() {
    StringBuilder text =
        new StringBuilder()
            .append(resources.size())
            .append(" open tracked resource(s) at ")
            .append(takenAt)
            .append(resources.isEmpty() ? "" : ", oldest first:");
    for (LiveResource resource : resources) {
      text.append("\n  ").append(resource.summary());
      for (StackTraceElement frame : resource.allocationSite()) {
        text.append("\n\t\tat ").append(Texts.frame(frame));
      }
    }
    return text.toString();
  }
}
