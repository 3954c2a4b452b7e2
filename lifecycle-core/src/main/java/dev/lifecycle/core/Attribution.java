package dev.lifecycle.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Records every tracked resource opened by one piece of code, with its allocation stack whatever
 * the tracker's sampling level: for test frameworks that fail a test which leaves a resource open.
 *
 * <p>{@link #begin} attributes to the new attribution every resource opened (at any level but
 * {@code OFF}, through any tracker) by the calling thread, and by every thread created by it or by
 * such a thread while the attribution is open (an {@link InheritableThreadLocal}): threads that
 * existed before, such as pool workers started earlier, are not included. {@link #close()} ends it on
 * every thread; what it recorded stays readable. While no attribution is open, tracking pays one
 * volatile read for this feature.
 *
 * <p>Thread-safe. {@link #close()} is idempotent.
 */
public final class Attribution implements AutoCloseable {
  private static final AtomicInteger OPEN = new AtomicInteger();
  private static final InheritableThreadLocal<@Nullable Attribution> CURRENT =
      new InheritableThreadLocal<>();

  /** Closed handles are pruned from the record once this many were recorded since the last prune. */
  private static final int PRUNE_EVERY = 1024;

  private final String label;
  private final @Nullable Attribution previous;
  private final ConcurrentLinkedQueue<Handle> handles = new ConcurrentLinkedQueue<>();
  private final AtomicInteger sincePrune = new AtomicInteger();
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();

  private Attribution(String label, @Nullable Attribution previous) {
    this.label = label;
    this.previous = previous;
  }

  /**
   * Starts attributing resources opened by the calling thread (and threads it creates) to a new
   * attribution named {@code label}; an attribution already open on this thread is suspended until
   * this one is closed.
   */
  public static Attribution begin(String label) {
    Objects.requireNonNull(label, "label must not be null");
    Attribution attribution = new Attribution(label, CURRENT.get());
    OPEN.incrementAndGet();
    CURRENT.set(attribution);
    return attribution;
  }

  /** The attribution of the calling thread, or null; one volatile read when none is open. */
  static @Nullable Attribution current() {
    if (OPEN.get() == 0) {
      return null;
    }
    Attribution current = CURRENT.get();
    return current == null || current.closed.get() ? null : current;
  }

  void record(Handle handle) {
    opened.incrementAndGet();
    handles.add(handle);
    if (sincePrune.incrementAndGet() >= PRUNE_EVERY) {
      sincePrune.set(0);
      handles.removeIf(h -> !h.isOpen() && !h.isLeaked());
    }
  }

  /** The name given to {@link #begin}. */
  public String label() {
    return label;
  }

  /** How many resources were opened under this attribution. */
  public int openedCount() {
    return opened.get();
  }

  /** The resources opened under this attribution that are still open, oldest first. */
  public List<LiveResource> open() {
    return collect(false);
  }

  /**
   * The resources opened under this attribution that their tracker found garbage-collected without
   * close, oldest first, each as it was when it was found.
   */
  public List<LiveResource> leaked() {
    return collect(true);
  }

  private List<LiveResource> collect(boolean leaked) {
    List<LiveResource> result = new ArrayList<>();
    for (Iterator<Handle> it = handles.iterator(); it.hasNext(); ) {
      Handle handle = it.next();
      if (leaked ? handle.isLeaked() : handle.isOpen()) {
        result.add(handle.describeAny(handle.context().kind.tracker.tick()));
      }
    }
    return result;
  }

  /**
   * Stops attributing, on every thread; restores the calling thread's previous attribution when
   * called on the thread that began this one. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.getAndSet(true)) {
      OPEN.decrementAndGet();
      if (CURRENT.get() == this) {
        CURRENT.set(previous);
      }
    }
  }

  @Override
  public String toString() {
    return "Attribution[" + label + ", opened " + opened.get() + (closed.get() ? ", closed]" : "]");
  }
}
