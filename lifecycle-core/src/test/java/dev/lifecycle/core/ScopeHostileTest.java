package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.core.ScopeTest.TrackedProbe;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Scopes under hostile use: concurrent closes, ownership misuse, throwing toString(). */
final class ScopeHostileTest {
  private static final Tracker TRACKER =
      Tracker.newBuilder().name("scope-hostile").level(DetectionLevel.FULL).build();

  @AfterAll
  static void stopTracker() {
    TRACKER.close();
  }

  /** A resource whose close blocks until released, bounded by the leak tests' deadline. */
  @SuppressWarnings("try") // close() waits on a latch and may be interrupted, as a real close may
  static final class Blocking implements AutoCloseable {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> journal;
    final String name;

    Blocking(String name, List<String> journal) {
      this.name = name;
      this.journal = journal;
    }

    @Override
    public void close() throws InterruptedException {
      entered.countDown();
      if (!release.await(Leaks.DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError(name + " was never released");
      }
      journal.add(name);
    }
  }

  @Test
  void close_parentWhileChildClosesOnAnotherThread_waitsForTheChild() throws Exception {
    List<String> journal = Probe.journal();
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      Scope parent = Scope.open("request", TRACKER);
      parent.own(new Probe("db", journal));
      Scope tx = parent.child("tx");
      Blocking stmt = tx.own(new Blocking("stmt", journal));

      Future<?> child = executor.submit(tx::close);
      assertThat(stmt.entered.await(Leaks.DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      Future<?> whole = executor.submit(parent::close);

      assertThatThrownBy(() -> whole.get(200, TimeUnit.MILLISECONDS))
          .as("the parent's close waits for the child's")
          .isInstanceOf(TimeoutException.class);
      assertThat(journal).isEmpty();
      stmt.release.countDown();
      child.get(Leaks.DEADLINE.toSeconds(), TimeUnit.SECONDS);
      whole.get(Leaks.DEADLINE.toSeconds(), TimeUnit.SECONDS);
      assertThat(journal).containsExactly("stmt", "db");
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void close_secondCloserOfOneScope_returnsOnlyWhenTheFirstIsDone() throws Exception {
    List<String> journal = Probe.journal();
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      Scope scope = Scope.open("shared", TRACKER);
      Blocking slow = scope.own(new Blocking("slow", journal));
      Future<?> first = executor.submit(scope::close);
      assertThat(slow.entered.await(Leaks.DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      Future<?> second = executor.submit(scope::close);
      assertThatThrownBy(() -> second.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
      slow.release.countDown();
      second.get(Leaks.DEADLINE.toSeconds(), TimeUnit.SECONDS);
      assertThat(journal).containsExactly("slow");
      first.get(Leaks.DEADLINE.toSeconds(), TimeUnit.SECONDS);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void close_reentrantFromAnOwnedResource_doesNotWaitForItself() {
    Scope scope = Scope.open("reentrant", TRACKER);
    AtomicInteger closes = new AtomicInteger();
    scope.own(
        () -> {
          closes.incrementAndGet();
          scope.close();
        });
    scope.close();
    assertThat(closes).hasValue(1);
    assertThat(scope.isClosed()).isTrue();
  }

  @Test
  void close_transferredChild_leavesItsNewOwner() {
    try (Scope a = Scope.open("a", TRACKER);
        Scope b = Scope.open("b", TRACKER)) {
      for (int i = 0; i < 1000; i++) {
        Scope c = a.child("c");
        a.transfer(c, b);
        c.close();
      }
      assertThat(b.size()).isZero();
      assertThat(a.size()).isZero();
    }
  }

  @Test
  void transfer_scopeUnderItsOwnDescendant_throwsAndLeavesOwnershipAsItWas() {
    Probe probe = new Probe("p", Probe.journal());
    Scope root = Scope.open("root", TRACKER);
    Scope child = root.child("c");
    child.own(probe);
    Scope grandchild = child.child("g");

    assertThatThrownBy(() -> root.transfer(child, grandchild))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot transfer scope \"root/c\" to scope \"root/c/g\": a scope cannot be owned by"
                + " itself or by one of its descendants");
    assertThat(root.owns(child)).isTrue();
    root.close();
    assertThat(child.isClosed()).isTrue();
    assertThat(grandchild.isClosed()).isTrue();
    assertThat(probe.closes).hasValue(1);
  }

  @Test
  void own_itself_throws() {
    try (Scope s = Scope.open("s", TRACKER)) {
      assertThatThrownBy(() -> s.own(s))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "cannot own scope \"s\" in scope \"s\": a scope cannot be owned by itself or by one of"
                  + " its descendants");
      assertThat(s.size()).isZero();
    }
  }

  @Test
  void own_trackedResourceOwnedByAnotherScope_throws() {
    ResourceKind kind = TRACKER.kind("hostile.Owned");
    try (Scope a = Scope.open("a", TRACKER);
        Scope b = Scope.open("b", TRACKER)) {
      TrackedProbe r = a.own(new TrackedProbe(kind));
      assertThatThrownBy(() -> b.own(r))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "cannot own "
                  + r.tracked().id()
                  + " in scope \"b\": scope \"a\" owns it; use transfer() to move it, or release()"
                  + " it first");
      assertThat(b.owns(r)).isFalse();
      assertThat(r.tracked().isOpen()).isTrue();
    }
  }

  @Test
  void own_scopeOwnedByAnotherScope_throws() {
    try (Scope a = Scope.open("a", TRACKER);
        Scope b = Scope.open("b", TRACKER)) {
      Scope c = a.child("c");
      assertThatThrownBy(() -> b.own(c))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "cannot own scope \"a/c\" in scope \"b\": scope \"a\" owns it; use transfer() to move"
                  + " it, or release() it first");
      assertThat(a.owns(c)).isTrue();
    }
  }

  /** A resource whose toString() throws, as broken user code does. */
  static final class ThrowingToString implements AutoCloseable {
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public void close() {
      closes.incrementAndGet();
    }

    @Override
    public String toString() {
      throw new IllegalStateException("toString broke");
    }
  }

  @Test
  void own_intoClosedScope_throwingToString_closesTheResourceAnyway() {
    Scope scope = Scope.open("done", TRACKER);
    scope.close();
    ThrowingToString late = new ThrowingToString();
    assertThatThrownBy(() -> scope.own(late))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot own " + ThrowingToString.class.getName() + "@");
    assertThat(late.closes).hasValue(1);
  }

  @Test
  void exceptionMessages_maskTheScopeName() {
    Scope scope = Scope.open("GET /reset?token=abc123secret", TRACKER);
    scope.close();
    Probe late = new Probe("late", Probe.journal());
    assertThatThrownBy(() -> scope.own(late))
        .hasMessageStartingWith("cannot own probe late: scope \"GET /reset?token=***\" is closed")
        .hasMessageNotContaining("abc123secret");
    assertThatThrownBy(() -> scope.release(late)).hasMessageNotContaining("abc123secret");
    assertThat(scope.toString()).isEqualTo("scope \"GET /reset?token=***\"");
  }

  @Test
  void own_intoClosedScope_namesTheTrackedId() {
    ResourceKind kind = TRACKER.kind("hostile.Named");
    Scope scope = Scope.open("done", TRACKER);
    scope.close();
    TrackedProbe late = new TrackedProbe(kind);
    assertThatThrownBy(() -> scope.own(late))
        .hasMessageStartingWith("cannot own " + late.tracked().id() + ": scope \"done\" is closed");
  }
}
