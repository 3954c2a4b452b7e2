package dev.lifecycle.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The open children of a connection or a statement: an intrusive list, so that adding and removing
 * one allocates nothing. Guarded by a lock held only for the list operations, never while a child
 * is closed. Once {@link #closeAll()} ran it refuses new children.
 */
final class ChildList {
  private final ReentrantLock lock = new ReentrantLock();
  private @Nullable JdbcChild head;
  private boolean closed;

  /** Adds {@code child}; returns {@code false} if the list was closed (the parent is closed). */
  boolean add(JdbcChild child) {
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      child.next = head;
      if (head != null) {
        head.prev = child;
      }
      head = child;
      child.linked = true;
      return true;
    } finally {
      lock.unlock();
    }
  }

  void remove(JdbcChild child) {
    lock.lock();
    try {
      if (!child.linked) {
        return;
      }
      JdbcChild prev = child.prev;
      JdbcChild next = child.next;
      if (prev == null) {
        head = next;
      } else {
        prev.next = next;
      }
      if (next != null) {
        next.prev = prev;
      }
      child.prev = null;
      child.next = null;
      child.linked = false;
    } finally {
      lock.unlock();
    }
  }

  boolean isEmpty() {
    lock.lock();
    try {
      return head == null;
    } finally {
      lock.unlock();
    }
  }

  /** Empties the list, keeping it open, and returns the children it held, oldest first. */
  List<JdbcChild> takeAll() {
    lock.lock();
    try {
      return drainLocked();
    } finally {
      lock.unlock();
    }
  }

  /** Empties and closes the list, and returns the children it held, oldest first. */
  List<JdbcChild> closeAll() {
    lock.lock();
    try {
      closed = true;
      return drainLocked();
    } finally {
      lock.unlock();
    }
  }

  private List<JdbcChild> drainLocked() {
    if (head == null) {
      return List.of();
    }
    List<JdbcChild> all = new ArrayList<>();
    JdbcChild child = head;
    while (child != null) {
      JdbcChild next = child.next;
      child.prev = null;
      child.next = null;
      child.linked = false;
      all.add(0, child);
      child = next;
    }
    head = null;
    return all;
  }
}
