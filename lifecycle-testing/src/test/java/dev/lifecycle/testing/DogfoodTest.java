package dev.lifecycle.testing;

import static dev.lifecycle.testing.LifecycleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.core.BoundedRegistry;
import dev.lifecycle.core.KeyedPermits;
import dev.lifecycle.core.LeakReport;
import dev.lifecycle.core.Lease;
import dev.lifecycle.core.Permit;
import dev.lifecycle.core.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Core's scope, registry, permit and leak scenarios, run under the leak check: the library's own
 * code leaves nothing behind.
 */
@LeakChecked(fileDescriptors = false)
final class DogfoodTest {
  @Test
  void scope_closesWhatItOwns_newestFirst() {
    List<String> closed = new ArrayList<>();
    Scope request = Scope.open("GET /orders/42");
    try (request) {
      Scope child = request.child("db");
      child.own(() -> closed.add("connection"));
      request.own(() -> closed.add("audit log"));
      assertThat(request).isOpen().ownsExactly(2);
    }
    assertThat(request).isClosed().ownsNothing();
    assertThat(closed).containsExactly("audit log", "connection");
  }

  @Test
  void registry_leasesReleased_leaveNoLeasedValue() throws Exception {
    try (TestTracker tracker = TestTracker.create();
        BoundedRegistry<String, AutoCloseable> registry =
            BoundedRegistry.newBuilder("tenants").capacity(2).tracker(tracker.tracker()).build()) {
      try (Lease<AutoCloseable> a = registry.acquire("a", key -> () -> {});
          Lease<AutoCloseable> b = registry.acquire("b", key -> () -> {})) {
        assertThat(registry).hasSize(2).containsKey("a");
        assertThat(a.isOpen() && b.isOpen()).isTrue();
      }
      assertThat(registry).hasNoLeasedValues();
      assertThat(tracker).hasNoLeaks().hasNoLiveResourcesOfKind("lifecycle.Lease");
    }
  }

  @Test
  void permits_released_leaveNoneInUse_andACleanAudit() {
    try (TestTracker tracker = TestTracker.create()) {
      KeyedPermits<String> permits =
          KeyedPermits.<String>newBuilder().perKeyLimit(2).tracker(tracker.tracker()).build();
      try (Permit first = Objects.requireNonNull(permits.tryAcquire("smtp"));
          Permit second = Objects.requireNonNull(permits.tryAcquire("smtp"))) {
        assertThat(permits).hasInUse(2);
        assertThat(permits.tryAcquire("smtp")).isNull();
        assertThat(first.key()).isEqualTo(second.key());
      }
      assertThat(permits).hasNoneInUse().auditIsClean();
    }
  }

  @SuppressWarnings("DiscardedResource") // the leak under test
  private static void dropScope(TestTracker tracker) {
    Scope.open("forgotten", tracker.tracker());
  }

  @Test
  @LeakChecked(resources = false, fileDescriptors = false) // this scenario leaks on purpose
  void leak_droppedScope_isReportedWithItsLine() throws InterruptedException {
    try (TestTracker tracker = TestTracker.create()) {
      dropScope(tracker);

      LeakReport report = tracker.awaitLeak();

      assertThat(report).hasKind("lifecycle.Scope").wasReclaimed().wasOpenedIn(DogfoodTest.class, "dropScope");
    }
  }
}
