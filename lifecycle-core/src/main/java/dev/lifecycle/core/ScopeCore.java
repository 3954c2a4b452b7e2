package dev.lifecycle.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Scope} owns, in order, and the closing of it. Kept apart from the scope so that the
 * tracker can close it when the scope itself is dropped without close: it never references the
 * {@code Scope} that wraps it.
 *
 * <p>Thread-safe: a lock guards the list and is never held while a resource is closed.
 */
final class ScopeCore implements AutoCloseable {
  final String path;
  private final ReentrantLock lock = new ReentrantLock();
  private final IdentityHashMap<AutoCloseable, Node> index = new IdentityHashMap<>();
  private @Nullable Node last;
  private @Nullable String closedBy;

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
        throw new IllegalArgumentException(
            "scope \"" + path + "\" already owns " + resource + "; own a resource once");
      }
      Node node = new Node(resource);
      node.prev = last;
      if (last != null) {
        last.next = node;
      }
      last = node;
      index.put(resource, node);
      return null;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Removes {@code resource}.
   *
   * @throws IllegalStateException if the scope is closed
   * @throws IllegalArgumentException if the scope does not own it
   */
  void remove(AutoCloseable resource, String verb) {
    lock.lock();
    try {
      if (closedBy != null) {
        throw new IllegalStateException(
            "cannot " + verb + " " + resource + ": scope \"" + path + "\" is closed (" + closedBy
                + "); it closed what it owned");
      }
      Node node = index.remove(resource);
      if (node == null) {
        throw new IllegalArgumentException(
            "cannot " + verb + " " + resource + ": scope \"" + path
                + "\" does not own it; only what was passed to own() can be released or transferred");
      }
      unlink(node);
    } finally {
      lock.unlock();
    }
  }

  /** Removes {@code resource} if owned and the scope is open; returns whether it did. */
  boolean forget(AutoCloseable resource) {
    lock.lock();
    try {
      Node node = closedBy == null ? index.remove(resource) : null;
      if (node != null) {
        unlink(node);
      }
      return node != null;
    } finally {
      lock.unlock();
    }
  }

  private void unlink(Node node) {
    if (node.prev != null) {
      node.prev.next = node.next;
    }
    if (node.next != null) {
      node.next.prev = node.prev;
    } else {
      last = node.prev;
    }
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
      closedBy = "closed at " + Instant.now() + " by thread " + Thread.currentThread().getName();
      for (Node node = last; node != null; node = node.prev) {
        owned.add(node.resource);
      }
      index.clear();
      last = null;
    } finally {
      lock.unlock();
    }
    Throwable first = null;
    boolean interrupted = false;
    for (AutoCloseable resource : owned) {
      try {
        resource.close();
      } catch (Throwable t) { // every resource is closed whatever the previous one threw
        if (t instanceof InterruptedException) {
          interrupted = true;
        }
        if (first == null) {
          first = t;
        } else if (first != t) {
          first.addSuppressed(t);
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return first;
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
      throw new ScopeCloseException("closing " + this + " failed: " + failure, failure);
    }
  }

  @Override
  public String toString() {
    return "scope \"" + path + "\"";
  }
}
