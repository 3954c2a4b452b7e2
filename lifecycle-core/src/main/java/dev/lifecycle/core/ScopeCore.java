package dev.lifecycle.core;

import dev.lifecycle.core.internal.UserCode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Scope} owns, in order, and the closing of it. Kept apart from the scope so that the
 * tracker can close it when the scope itself is dropped without close: it never references the
 * {@code Scope} that wraps it, nor the scope that owns it (only that scope's core), so a dropped
 * scope is unreachable even while it has children.
 *
 * <p>Thread-safe: a lock guards the list and is never held while a resource is closed.
 */
final class ScopeCore implements AutoCloseable {
  private static final VarHandle OWNER;

  static {
    try {
      OWNER = MethodHandles.lookup().findVarHandle(ScopeCore.class, "owner", ScopeCore.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Under this many entries the table is never rebuilt. */
  private static final int MIN_SHRINK = 64;

  final String path;

  /** {@link #path} masked, for messages. */
  final String shown;

  private final ReentrantLock lock = new ReentrantLock();
  private final CountDownLatch closed = new CountDownLatch(1);
  private IdentityHashMap<AutoCloseable, Node> index = new IdentityHashMap<>();

  /** The most entries {@link #index} held since it was last rebuilt. */
  private int peak;

  private @Nullable Node last;
  private @Nullable String closedBy;
  private volatile @Nullable Thread closing;

  /** The core of the scope that owns this core's scope, or {@code null}; set with {@link #OWNER}. */
  private volatile @Nullable ScopeCore owner;

  private static final class Node {
    final AutoCloseable resource;
    @Nullable Node prev;
    @Nullable Node next;

    Node(AutoCloseable resource) {
      this.resource = resource;
    }
  }

  ScopeCore(String path) {
    this.path = path;
    this.shown = Texts.mask(path);
  }

  /** The core of the scope owning this one, or {@code null}. */
  @Nullable ScopeCore owner() {
    return owner;
  }

  /** Makes {@code newOwner} the owner if there is none; returns the owner that stays in place otherwise. */
  @Nullable ScopeCore claimOwner(ScopeCore newOwner) {
    return (ScopeCore) OWNER.compareAndExchange(this, (ScopeCore) null, newOwner);
  }

  /** Clears the owner if it is {@code current}. */
  void releaseOwner(ScopeCore current) {
    OWNER.compareAndSet(this, current, (ScopeCore) null);
  }

  /** Whether this core is {@code other} or owns it, directly or through children. */
  boolean isOrOwns(ScopeCore other) {
    for (ScopeCore c = other; c != null; c = c.owner) {
      if (c == this) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds {@code resource} last. Returns {@code null} on success, or the description of when and by
   * whom this scope was closed if it is closed (and then does not add it).
   *
   * @throws IllegalArgumentException if the scope already owns it
   */
  @Nullable String add(AutoCloseable resource) {
    lock.lock();
    try {
      if (closedBy != null) {
        return closedBy;
      }
      if (index.containsKey(resource)) {
        throw new IllegalArgumentException(alreadyOwns(resource));
      }
      Node node = new Node(resource);
      node.prev = last;
      if (last != null) {
        last.next = node;
      }
      last = node;
      index.put(resource, node);
      peak = Math.max(peak, index.size());
      return null;
    } finally {
      lock.unlock();
    }
  }

  String alreadyOwns(AutoCloseable resource) {
    return this + " already owns " + Texts.describe(resource) + "; own a resource once";
  }

  /**
   * Removes {@code resource}.
   *
   * @throws IllegalStateException if the scope is closed
   * @throws IllegalArgumentException if the scope does not own it
   */
  void remove(AutoCloseable resource, String verb) {
    @Nullable String failure;
    boolean closedScope;
    lock.lock();
    try {
      Node node = closedBy == null ? removeLocked(resource) : null;
      if (node != null) {
        return;
      }
      closedScope = closedBy != null;
      failure = closedBy;
    } finally {
      lock.unlock();
    }
    // The messages call toString(): user code, never under the lock.
    if (closedScope) {
      throw new IllegalStateException(
          "cannot " + verb + " " + Texts.describe(resource) + ": " + this + " is closed (" + failure
              + "); it closed what it owned");
    }
    throw new IllegalArgumentException(
        "cannot " + verb + " " + Texts.describe(resource) + ": " + this
            + " does not own it; only what was passed to own() can be released or transferred");
  }

  /** Removes {@code resource} if owned and the scope is open; returns whether it did. */
  boolean forget(AutoCloseable resource) {
    lock.lock();
    try {
      return closedBy == null && removeLocked(resource) != null;
    } finally {
      lock.unlock();
    }
  }

  private @Nullable Node removeLocked(AutoCloseable resource) {
    Node node = index.remove(resource);
    if (node == null) {
      return null;
    }
    if (node.prev != null) {
      node.prev.next = node.next;
    }
    if (node.next != null) {
      node.next.prev = node.prev;
    } else {
      last = node.prev;
    }
    // An IdentityHashMap never shrinks: rebuild it once it is mostly empty, so that a long-lived
    // scope costs what it owns now, not what it once owned. Amortized O(1) per removal.
    if (peak > MIN_SHRINK && index.size() < peak / 4) {
      index = new IdentityHashMap<>(index);
      peak = index.size();
    }
    return node;
  }

  boolean owns(AutoCloseable resource) {
    lock.lock();
    try {
      return index.containsKey(resource);
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return index.size();
    } finally {
      lock.unlock();
    }
  }

  @Nullable String closedBy() {
    lock.lock();
    try {
      return closedBy;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the close that another thread started has closed everything; returns at once on
   * the closing thread itself (a resource's close that closes its own scope again). Interrupted, it
   * returns at once with the interrupt flag set.
   */
  void awaitClosed() {
    if (closing == Thread.currentThread()) {
      return;
    }
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Closes everything owned, newest first, each once, and keeps going after a failure. Returns the
   * first failure with the later ones suppressed on it, or {@code null}; does nothing the second
   * time. Restores the interrupt flag if a close was interrupted.
   */
  @SuppressWarnings("ReferenceEquality") // first != t: an exception cannot suppress itself
  @Nullable Throwable closeAll() {
    List<AutoCloseable> owned = new ArrayList<>();
    lock.lock();
    try {
      if (closedBy != null) {
        return null;
      }
      closing = Thread.currentThread();
      closedBy = "closed at " + Instant.now() + " by thread " + Thread.currentThread().getName();
      for (Node node = last; node != null; node = node.prev) {
        owned.add(node.resource);
      }
      index = new IdentityHashMap<>(4);
      peak = 0;
      last = null;
    } finally {
      lock.unlock();
    }
    try {
      Throwable first = null;
      boolean interrupted = false;
      for (AutoCloseable resource : owned) {
        Throwable t = UserCode.close(resource);
        if (t == null) {
          continue;
        }
        if (t instanceof InterruptedException) {
          // Set again once all is closed: the next resource's close must not see it.
          interrupted |= Thread.interrupted();
        }
        if (first == null) {
          first = t;
        } else if (first != t) {
          first.addSuppressed(t);
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return first;
    } finally {
      closing = null;
      closed.countDown();
    }
  }

  /** The tracker's reclaim of a scope dropped without close. */
  @Override
  public void close() {
    Throwable failure = closeAll();
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new ScopeCloseException(
          "closing " + this + " failed: " + UserCode.describeFailure(failure), failure);
    }
  }

  @Override
  public String toString() {
    return "scope \"" + shown + "\"";
  }
}
