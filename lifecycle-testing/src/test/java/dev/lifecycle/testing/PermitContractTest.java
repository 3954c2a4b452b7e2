package dev.lifecycle.testing;

import dev.lifecycle.core.KeyedPermits;
import dev.lifecycle.core.Permit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.parallel.Isolated;

/** Core's {@link Permit} keeps the tracked-wrapper contract. */
@Isolated("GC-dependent: waits for a leak report")
final class PermitContractTest extends TrackedResourceContract<Permit> {
  private final List<KeyedPermits<String>> permits = new ArrayList<>();

  @Override
  protected Permit open(TestTracker tracker) {
    KeyedPermits<String> p = KeyedPermits.<String>newBuilder().perKeyLimit(1).tracker(tracker.tracker()).build();
    permits.add(p);
    return Objects.requireNonNull(p.tryAcquire("mx.example.org"));
  }

  @Override
  protected void use(Permit permit) {
    permit.tracked().checkOpen();
  }

  @Override
  protected String kind() {
    return "lifecycle.Permit";
  }

  @Override
  protected long inUse() {
    permits.forEach(p -> LifecycleAssertions.assertThat(p).auditIsClean());
    return permits.stream().mapToLong(KeyedPermits::inUse).sum();
  }

  @Override
  protected void assertCloseFailureSurfaces(TestTracker tracker) {
    Assumptions.abort("releasing a permit runs no user code and cannot fail");
  }
}
