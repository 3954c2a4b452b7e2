package dev.lifecycle.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tracked resource that was garbage-collected without being closed.
 *
 * <p>Immutable. Holds no secret: the description is masked (user info and passwords in URLs,
 * {@code password=} parameters) before a report is made.
 *
 * @param kind the resource's kind, such as {@code jdbc.Connection}
 * @param id the resource's id, {@code kind#hex} (an identity hash: distinct resources almost
 *     always differ)
 * @param description what the resource is connected to, masked, or {@code null}
 * @param owner the path of the scope that owned it, or {@code null} when no scope did
 * @param createdAt when it was opened (to the tracker clock's precision, about 10 ms)
 * @param age how long it had been open when its leak was processed
 * @param thread the name of the thread that opened it
 * @param allocationSite where it was opened, innermost frame first, from the caller of the
 *     wrapper's constructor or factory on (the library's and the wrapper class's own frames left
 *     out); empty when the stack was not captured (level {@code SAMPLED}: the first few resources
 *     of each kind a minute are captured, then one in N)
 * @param accessRecords at {@code PARANOID}, the last {@code touch} records, oldest first
 * @param reclaimed whether the tracker is closing the raw resource ({@link
 *     ReclaimPolicy#CLOSE_AND_REPORT}, or an accounting kind such as {@code lifecycle.Permit}): the
 *     report is made first and the close runs on the tracker's reclaim threads, so that a close
 *     that blocks never delays a report; a close that fails is logged naming {@link #id}
 * @param reclaimFailure why the raw resource is not being closed ({@code "reclaim skipped: ..."}
 *     when the reclaim threads are saturated or the tracker is closed), or {@code null}
 * @param suppressed how many similar leaks (same kind and allocation site) were counted but not
 *     reported since the previous report of this site; a site whose leaks were suppressed gets one
 *     more report, of its latest leak, once its interval is over
 */
public record LeakReport(
    String kind,
    String id,
    @Nullable String description,
    @Nullable String owner,
    Instant createdAt,
    Duration age,
    String thread,
    List<StackTraceElement> allocationSite,
    List<String> accessRecords,
    boolean reclaimed,
    @Nullable String reclaimFailure,
    long suppressed) {

  /** Copies the lists; rejects null components that must not be null. */
  public LeakReport {
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(createdAt, "createdAt must not be null");
    Objects.requireNonNull(age, "age must not be null");
    Objects.requireNonNull(thread, "thread must not be null");
    allocationSite = List.copyOf(allocationSite);
    accessRecords = List.copyOf(accessRecords);
  }

  /** This report with {@code count} as {@link #suppressed()}. */
  LeakReport withSuppressed(long count) {
    return new LeakReport(
        kind, id, description, owner, createdAt, age, thread, allocationSite, accessRecords,
        reclaimed, reclaimFailure, count);
  }

  /**
   * One line for a person: what leaked, who owned it, whether it was reclaimed, where and when it
   * was opened.
   */
  public String summary() {
    StringBuilder line = new StringBuilder("LEAK ").append(id);
    Texts.appendDetails(line, description, owner);
    line.append(" was garbage-collected without close(); ");
    if (reclaimed) {
      line.append("reclaimed.");
    } else if (reclaimFailure != null) {
      line.append(reclaimFailure).append('.');
    } else {
      line.append("not reclaimed (policy REPORT_ONLY).");
    }
    line.append(" Opened");
    StackTraceElement site = Texts.callerFrame(allocationSite);
    if (site != null) {
      line.append(" at ").append(Texts.frame(site));
    }
    line.append(" on thread ").append(thread).append(", ").append(Texts.age(age)).append(" ago.");
    if (site == null) {
      line.append(
          " Allocation stack not sampled: run with -Dlifecycle.leakDetection.level=FULL to see"
              + " where every resource is opened.");
    }
    if (suppressed > 0) {
      line.append(' ').append(suppressed).append(" similar leak(s) suppressed since the last report.");
    }
    return line.toString();
  }

  /** The summary line, then the allocation stack and the access records, one per line. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(summary());
    Texts.appendStack(text, "Opened here:", allocationSite);
    for (int i = 0; i < accessRecords.size(); i++) {
      text.append("\n  access #").append(i + 1).append(": ").append(accessRecords.get(i));
    }
    return text.toString();
  }
}
