package dev.lifecycle.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

final class ScopeTest {
  private static final Tracker TRACKER =
      Tracker.newBuilder().name("scope-test").level(DetectionLevel.FULL).build();

  @AfterAll
  static void stopTracker() {
    TRACKER.close();
  }

  @Test
  void close_closesOwnedResourcesInReverseOrder() {
    List<String> journal = Probe.journal();
    try (Scope scope = Scope.open("request", TRACKER)) {
      scope.own(new Probe("a", journal));
      scope.own(new Probe("b", journal));
      scope.own(new Probe("c", journal));
    }
    assertThat(journal).containsExactly("c", "b", "a");
  }

  @Test
  void close_afterFailures_closesEveryResourceAndThrowsFirstWithRestSuppressed() {
    List<String> journal = Probe.journal();
    IllegalStateException first = new IllegalStateException("c failed");
    IllegalArgumentException second = new IllegalArgumentException("a failed");
    Scope scope = Scope.open("request", TRACKER);
    scope.own(new Probe("a", journal, second));
    scope.own(new Probe("b", journal));
    scope.own(new Probe("c", journal, first));

    assertThatThrownBy(scope::close).isSameAs(first);
    assertThat(first.getSuppressed()).containsExactly(second);
    assertThat(journal).containsExactly("c", "b", "a");
  }

  @Test
  void close_checkedFailure_isWrappedWithRestSuppressedOnIt() {
    List<String> journal = Probe.journal();
    IOException first = new IOException("disk gone");
    RuntimeException second = new RuntimeException("also broken");
    Scope scope = Scope.open("batch", TRACKER);
    scope.own(new Probe("a", journal, second));
    scope.own(new Probe("b", journal, first));

    assertThatThrownBy(scope::close)
        .isInstanceOf(ScopeCloseException.class)
        .hasMessage("closing scope \"batch\" failed: java.io.IOException: disk gone")
        .hasCause(first);
    assertThat(first.getSuppressed()).containsExactly(second);
  }

  @Test
  void close_interruptedClose_restoresInterruptFlagAndClosesTheRest() {
    List<String> journal = Probe.journal();
    Scope scope = Scope.open("interrupted", TRACKER);
    scope.own(new Probe("a", journal));
    scope.own(new Probe("b", journal, new InterruptedException("stop")));
    try {
      assertThatThrownBy(scope::close)
          .isInstanceOf(ScopeCloseException.class)
          .hasCauseInstanceOf(InterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(journal).containsExactly("b", "a");
  }

  @Test
  void close_twice_closesOnce() {
    Probe probe = new Probe("a", Probe.journal());
    Scope scope = Scope.open("twice", TRACKER);
    scope.own(probe);
    scope.close();
    scope.close();
    assertThat(probe.closes).hasValue(1);
    assertThat(scope.isClosed()).isTrue();
  }

  @Test
  void close_fromAnotherThread_closesOnceAndIsVisible() throws Exception {
    Probe probe = new Probe("a", Probe.journal());
    Scope scope = Scope.open("shared", TRACKER);
    scope.own(probe);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<?> closed = executor.submit(scope::close);
      closed.get();
    } finally {
      executor.shutdown();
    }
    scope.close();
    assertThat(probe.closes).hasValue(1);
    assertThat(scope.isClosed()).isTrue();
  }

  @Test
  void own_intoClosedScope_closesResourceAndSaysWhenAndByWhom() {
    Scope scope = Scope.open("done", TRACKER);
    scope.close();
    Probe late = new Probe("late", Probe.journal());

    assertThatThrownBy(() -> scope.own(late))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot own probe late: scope \"done\" is closed (closed at ")
        .hasMessageContaining(" by thread " + Thread.currentThread().getName())
        .hasMessageEndingWith("); the resource was closed instead");
    assertThat(late.closes).hasValue(1);
  }

  @Test
  void own_intoClosedScope_whenResourceCloseFails_suppressesThatFailure() {
    Scope scope = Scope.open("done", TRACKER);
    scope.close();
    IOException failure = new IOException("broken");
    Probe late = new Probe("late", Probe.journal(), failure);

    assertThatThrownBy(() -> scope.own(late))
        .isInstanceOf(IllegalStateException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(failure));
  }

  @Test
  void own_sameResourceTwice_throws() {
    try (Scope scope = Scope.open("twice", TRACKER)) {
      Probe probe = scope.own(new Probe("a", Probe.journal()));
      assertThatThrownBy(() -> scope.own(probe))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("scope \"twice\" already owns probe a; own a resource once");
    }
  }

  @Test
  void own_null_throws() {
    try (Scope scope = Scope.open("nulls", TRACKER)) {
      assertThatThrownBy(() -> scope.own(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("resource must not be null");
    }
  }

  @Test
  void open_blankName_throws() {
    assertThatThrownBy(() -> Scope.open(" ", TRACKER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scope name must not be blank: \" \"");
    assertThatThrownBy(() -> Scope.open(null, TRACKER))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("scope name must not be null");
  }

  @Test
  void release_handsResourceBackUnclosed() {
    Probe probe = new Probe("a", Probe.journal());
    try (Scope scope = Scope.open("release", TRACKER)) {
      scope.own(probe);
      assertThat(scope.release(probe)).isSameAs(probe);
      assertThat(scope.owns(probe)).isFalse();
    }
    assertThat(probe.closes).hasValue(0);
  }

  @Test
  void release_notOwned_throws() {
    try (Scope scope = Scope.open("release", TRACKER)) {
      Probe stranger = new Probe("stranger", Probe.journal());
      assertThatThrownBy(() -> scope.release(stranger))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "cannot release probe stranger: scope \"release\" does not own it; only what was"
                  + " passed to own() can be released or transferred");
    }
  }

  @Test
  void release_afterClose_throws() {
    Probe probe = new Probe("a", Probe.journal());
    Scope scope = Scope.open("closed", TRACKER);
    scope.own(probe);
    scope.close();
    assertThatThrownBy(() -> scope.release(probe))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot release probe a: scope \"closed\" is closed (closed at ")
        .hasMessageEndingWith("); it closed what it owned");
  }

  @Test
  void transfer_movesOwnership() {
    Probe probe = new Probe("a", Probe.journal());
    try (Scope to = Scope.open("to", TRACKER)) {
      Scope from = Scope.open("from", TRACKER);
      from.own(probe);
      from.transfer(probe, to);
      assertThat(from.owns(probe)).isFalse();
      assertThat(to.owns(probe)).isTrue();
      from.close();
      assertThat(probe.closes).hasValue(0);
    }
    assertThat(probe.closes).hasValue(1);
  }

  @Test
  void transfer_toClosedScope_closesResource() {
    Probe probe = new Probe("a", Probe.journal());
    Scope to = Scope.open("to", TRACKER);
    to.close();
    try (Scope from = Scope.open("from", TRACKER)) {
      from.own(probe);
      assertThatThrownBy(() -> from.transfer(probe, to))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("cannot own probe a: scope \"to\" is closed");
      assertThat(from.owns(probe)).isFalse();
    }
    assertThat(probe.closes).hasValue(1);
  }

  @Test
  void transfer_notOwnedOrToItself_throws() {
    try (Scope scope = Scope.open("s", TRACKER);
        Scope other = Scope.open("o", TRACKER)) {
      Probe probe = new Probe("a", Probe.journal());
      assertThatThrownBy(() -> scope.transfer(probe, other))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("cannot transfer probe a: scope \"s\" does not own it");
      scope.own(probe);
      assertThatThrownBy(() -> scope.transfer(probe, scope))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("cannot transfer probe a from scope \"s\" to itself");
    }
  }

  @Test
  void child_isClosedByParentInOrder() {
    List<String> journal = Probe.journal();
    try (Scope parent = Scope.open("request", TRACKER)) {
      parent.own(new Probe("first", journal));
      Scope child = parent.child("db");
      child.own(new Probe("in-child", journal));
      parent.own(new Probe("last", journal));
      assertThat(child.path()).isEqualTo("request/db");
      assertThat(child.name()).isEqualTo("db");
    }
    assertThat(journal).containsExactly("last", "in-child", "first");
  }

  @Test
  void child_closedFirst_leavesParent() {
    try (Scope parent = Scope.open("request", TRACKER)) {
      Scope child = parent.child("db");
      assertThat(parent.owns(child)).isTrue();
      child.close();
      assertThat(parent.owns(child)).isFalse();
      assertThat(parent.size()).isZero();
    }
  }

  @Test
  void child_ofClosedScope_isClosedAndThrows() {
    Scope parent = Scope.open("request", TRACKER);
    parent.close();
    assertThatThrownBy(() -> parent.child("late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot own scope \"request/late\": scope \"request\" is closed");
  }

  @Test
  void ownedTrackedResource_showsScopeAsOwner() {
    ResourceKind kind = TRACKER.kind("test.Owned");
    try (Scope scope = Scope.open("GET /orders/42", TRACKER)) {
      TrackedProbe resource = scope.own(new TrackedProbe(kind));
      assertThat(TRACKER.snapshot().ofKind("test.Owned"))
          .singleElement()
          .satisfies(live -> assertThat(live.owner()).isEqualTo("GET /orders/42"));
      scope.release(resource);
      assertThat(TRACKER.snapshot().ofKind("test.Owned"))
          .singleElement()
          .satisfies(live -> assertThat(live.owner()).isNull());
      resource.close();
    }
  }

  /** A tracked wrapper around nothing, written as the Tracked javadoc shows. */
  static final class TrackedProbe implements AutoCloseable, TrackedResource {
    private final Tracked tracked;

    TrackedProbe(ResourceKind kind) {
      this.tracked = kind.track(this, () -> {});
    }

    @Override
    public Tracked tracked() {
      return tracked;
    }

    @Override
    public void close() {
      tracked.close();
    }
  }
}
