package dev.lifecycle.testing;

import static dev.lifecycle.testing.LifecycleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.core.BoundedRegistry;
import dev.lifecycle.core.KeyedPermits;
import dev.lifecycle.core.Lease;
import dev.lifecycle.core.Permit;
import dev.lifecycle.core.Scope;
import org.junit.jupiter.api.Test;

/**
 * The assertions' failure messages show what was open and where it was opened: under the leak
 * check, every resource a test opens has its allocation stack.
 */
@LeakChecked(fileDescriptors = false)
final class AssertionsTest {
  @Test
  void scope_ownsNothing_failsListingWhatItOwns() {
    try (Scope scope = Scope.open("GET /assertions")) {
      scope.own(new Samples.Conn("db://owned-by-assertions"));

      assertThatThrownBy(() -> assertThat(scope).ownsNothing())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("expected scope \"GET /assertions\" to own nothing, but it owns 1 resource(s):")
          .hasMessageContaining("sample.Conn sample.Conn#")
          .hasMessageContaining("db://owned-by-assertions")
          .hasMessageContaining("at dev.lifecycle.testing.AssertionsTest.scope_ownsNothing_failsListingWhatItOwns(AssertionsTest.java:");
      assertThatThrownBy(() -> assertThat(scope).isClosed())
          .hasMessageStartingWith("expected scope \"GET /assertions\" to be closed, but it is open");
    }
  }

  @Test
  void tracker_hasNoLiveResourcesOfKind_failsListingThem() {
    try (TestTracker tracker = TestTracker.create()) {
      Samples.Conn conn = new Samples.Conn("unused");
      try (Scope scope = Scope.open("held", tracker.tracker())) {
        assertThatThrownBy(() -> assertThat(tracker.tracker()).hasNoLiveResourcesOfKind("lifecycle.Scope"))
            .hasMessageContaining("to have no live resource of kind lifecycle.Scope, but 1 are open:")
            .hasMessageContaining("AssertionsTest.tracker_hasNoLiveResourcesOfKind_failsListingThem(AssertionsTest.java:");
        assertThat(scope).isOpen();
      } finally {
        conn.close();
      }
      assertThat(tracker).hasNoLiveResources().hasNoLeaks();
    }
  }

  @Test
  void permits_hasNoneInUse_failsWithTheAudit() {
    KeyedPermits<String> permits = KeyedPermits.<String>newBuilder().perKeyLimit(1).build();
    try (Permit permit = permits.tryAcquire("k")) {
      assertThatThrownBy(() -> assertThat(permits).hasNoneInUse())
          .hasMessageStartingWith("expected no permit in use, but 1 are: ")
          .hasMessageContaining("audit: PermitAudit[inUse=1, recounted=1");
      assertThat(permits).auditIsClean().hasInUse(permit == null ? 0 : 1);
    }
  }

  @Test
  void registry_hasNoLeasedValues_failsWithItsCounters() throws Exception {
    try (BoundedRegistry<String, AutoCloseable> registry = BoundedRegistry.newBuilder("r").capacity(1).build();
        Lease<AutoCloseable> lease = registry.acquire("a", key -> () -> {})) {
      assertThatThrownBy(() -> assertThat(registry).hasNoLeasedValues())
          .hasMessageStartingWith("expected registry \"r\" to have no leased value, but 1 are leased: RegistryStats[");
      assertThatThrownBy(() -> assertThat(registry).hasSize(2))
          .hasMessageStartingWith("expected registry \"r\" to hold 2 value(s), but it holds 1");
      org.assertj.core.api.Assertions.assertThat(lease.key()).isNotNull();
    }
  }
}
