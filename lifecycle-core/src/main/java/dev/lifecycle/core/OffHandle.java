package dev.lifecycle.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/** The handle given at level {@code OFF}: exactly-once close and use-after-close, nothing else. */
final class OffHandle implements Tracked {
  private static final VarHandle CLOSED_BY;

  static {
    try {
      CLOSED_BY = MethodHandles.lookup().findVarHandle(OffHandle.class, "closedBy", String.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final ResourceKind kind;

  /** The name of the thread that closed the resource, or {@code null} while open. */
  private volatile @Nullable String closedBy;

  OffHandle(ResourceKind kind) {
    this.kind = kind;
  }

  @Override
  public boolean close() {
    return closedBy == null
        && CLOSED_BY.compareAndSet(this, null, Thread.currentThread().getName());
  }

  @Override
  public void checkOpen() {
    String thread = closedBy;
    if (thread != null) {
      throw new IllegalStateException(
          id()
              + " is closed: closed by thread "
              + thread
              + " (leak detection is OFF, so the time is not recorded); do not use a resource"
              + " after close()");
    }
  }

  @Override
  public boolean isOpen() {
    return closedBy == null;
  }

  @Override
  public void touch(String hint) {}

  @Override
  public String id() {
    return kind.name() + "#" + Integer.toHexString(System.identityHashCode(this));
  }

  @Override
  public String toString() {
    return id();
  }
}
